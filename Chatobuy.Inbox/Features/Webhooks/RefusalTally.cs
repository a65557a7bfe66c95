namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>Refused deliveries of one channel not saved yet: how many, and when the last one came.</summary>
public readonly record struct RefusalTally(int Count, DateTimeOffset LastAt);
