namespace Chatobuy.Inbox.Features.Templates;

/// <summary>
/// A message template of a WhatsApp Business Account as Meta last told us (reference §5): one row per template id,
/// that is per name and language. Templates belong to the account, so every channel on that account shares them.
/// </summary>
public sealed class MessageTemplate
{
    public long Id { get; set; }

    public string WabaId { get; set; } = "";

    /// <summary>Meta's template id (the <c>hsm_id</c> of a delete).</summary>
    public string MetaId { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Meta's language code, e.g. en_US.</summary>
    public string Language { get; set; } = "";

    /// <summary>MARKETING, UTILITY or AUTHENTICATION.</summary>
    public string Category { get; set; } = "";

    /// <summary>Meta's status word: APPROVED, PENDING, REJECTED, PAUSED, DISABLED, … (reference §5.5).</summary>
    public string Status { get; set; } = "";

    /// <summary>Why Meta rejected (or paused, disabled) it, when it said.</summary>
    public string? RejectedReason { get; set; }

    /// <summary>GREEN, YELLOW, RED or UNKNOWN.</summary>
    public string? QualityScore { get; set; }

    /// <summary>The category before Meta re-categorised it, when it did.</summary>
    public string? PreviousCategory { get; set; }

    /// <summary>POSITIONAL (<c>{{1}}</c>) or NAMED (<c>{{first_name}}</c>).</summary>
    public string ParameterFormat { get; set; } = TemplateContent.Positional;

    /// <summary>Meta's <c>components</c> array, as JSON; read it through <see cref="TemplateContent.Parse"/>.</summary>
    public string ComponentsJson { get; set; } = "[]";

    /// <summary>When Meta's copy last changed as far as we saw (sync, webhook or our own edit).</summary>
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>When a sync last confirmed this row.</summary>
    public DateTimeOffset SyncedAt { get; set; }

    public bool IsApproved => Status == "APPROVED";

    public TemplateContent Content => TemplateContent.Parse(ComponentsJson, ParameterFormat);
}
