namespace Chatobuy.Inbox.Hosting;

/// <summary>Phone numbers and ids as logs may show them: only the last four characters.</summary>
public static class LogMask
{
    public static string Id(string? id) => id is null || id.Length <= 4 ? "****" : $"****{id[^4..]}";
}
