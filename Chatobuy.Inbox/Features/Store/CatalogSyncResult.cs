namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// What a synchronization came to: the catalog it read (null when none is linked), how many products are stored now,
/// or why it failed (in plain words, with Meta's next step).
/// </summary>
public sealed record CatalogSyncResult(bool Succeeded, string? CatalogId, string? CatalogName, int ProductCount, DateTimeOffset At, string? Error = null)
{
    /// <summary>One line for the admin: "60 products synchronized", "No catalog is linked…" or the error.</summary>
    public string Message => !Succeeded
        ? $"The products could not be synchronized. {Error}"
        : CatalogId is null
            ? "No catalog is linked to this channel's WhatsApp Business Account, so there are no products to synchronize."
            : ProductCount == 1 ? "1 product synchronized" : $"{ProductCount} products synchronized";
}
