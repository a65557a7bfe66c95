namespace Chatobuy.Inbox.Features.Labels;

/// <summary>A label in the integration API: its id, name and colour (hex, e.g. "#C62828").</summary>
public sealed record LabelDto(long Id, string Name, string Colour)
{
    public static LabelDto From(LabelTag label) => new(label.Id, label.Name, label.Colour);
}
