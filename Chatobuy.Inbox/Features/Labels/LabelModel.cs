namespace Chatobuy.Inbox.Features.Labels;

/// <summary>The settings page's form for a new label or a label being edited.</summary>
public sealed class LabelModel
{
    public string Name { get; set; } = "";

    public string Colour { get; set; } = LabelPalette.Default;
}
