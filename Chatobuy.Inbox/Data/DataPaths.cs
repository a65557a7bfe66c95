namespace Chatobuy.Inbox.Data;

/// <summary>Where this instance keeps its files.</summary>
public sealed record DataPaths(string DataDirectory);
