namespace Chatobuy.Inbox.CloudApi;

public sealed record PhoneThroughput(string? Level);
