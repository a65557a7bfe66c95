namespace Chatobuy.Inbox.Events;

/// <summary>
/// A channel became Disconnected or Connected again (published with its <see cref="ChannelUpdated"/>): rare, so views
/// that only care about the state (the inbox's chat header and composer) listen to this instead of every update.
/// </summary>
public sealed record ChannelStatusChanged(string ChannelId, bool Connected) : IInboxEvent;
