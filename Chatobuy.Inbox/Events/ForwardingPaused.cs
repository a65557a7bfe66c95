namespace Chatobuy.Inbox.Events;

/// <summary>
/// A channel's forwarding endpoint was paused after <paramref name="Failures"/> failed attempts in a row: nothing more is
/// sent to <paramref name="Url"/> until an Admin presses Resume. <paramref name="Reason"/> is the last failure in plain
/// words. Published once per pause, after the commit (alerts e-mail it).
/// </summary>
public sealed record ForwardingPaused(string ChannelId, string Url, int Failures, string Reason, DateTimeOffset PausedAt) : IInboxEvent;
