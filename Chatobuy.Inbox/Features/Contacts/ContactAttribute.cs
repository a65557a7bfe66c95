namespace Chatobuy.Inbox.Features.Contacts;

/// <summary>A custom attribute Admins define for every contact (Settings → Contact attributes), e.g. "Customer since".</summary>
public sealed class ContactAttribute
{
    public long Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The name in upper case: unique.</summary>
    public string NormalizedName { get; set; } = "";

    public ContactAttributeType Type { get; set; }

    /// <summary>The choices of a <see cref="ContactAttributeType.List"/> attribute, one a line.</summary>
    public string? Options { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> OptionList => ContactAttributeValues.SplitOptions(Options);
}
