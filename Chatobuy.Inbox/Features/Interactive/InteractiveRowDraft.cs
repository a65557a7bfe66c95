namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A list row being written: the ID WhatsApp sends back when it is chosen, its title and an optional description.</summary>
public sealed class InteractiveRowDraft
{
    /// <summary>Pre-filled with a random string; the admin may change it.</summary>
    public string Id { get; set; } = InteractiveButtonDraft.NewId("row");

    public string Title { get; set; } = "";

    public string Description { get; set; } = "";
}
