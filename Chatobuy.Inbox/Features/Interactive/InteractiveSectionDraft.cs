namespace Chatobuy.Inbox.Features.Interactive;

/// <summary>A section being written: of a list (<see cref="Rows"/>) or of a multi-product message (<see cref="ProductRetailerIds"/>).</summary>
public sealed class InteractiveSectionDraft
{
    public string Title { get; set; } = "";

    public List<InteractiveRowDraft> Rows { get; set; } = [];

    /// <summary>The chosen products, by retailer id, in the order they were picked.</summary>
    public List<string> ProductRetailerIds { get; set; } = [];
}
