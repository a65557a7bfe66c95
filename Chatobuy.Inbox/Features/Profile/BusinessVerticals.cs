namespace Chatobuy.Inbox.Features.Profile;

/// <summary>Meta's business verticals (reference §6.2) with the names people read.</summary>
public static class BusinessVerticals
{
    /// <summary>Every value Meta accepts on POST, in the order the editor lists them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("AUTO", "Automotive"),
        ("BEAUTY", "Beauty, Spa and Salon"),
        ("APPAREL", "Clothing and Apparel"),
        ("EDU", "Education"),
        ("ENTERTAIN", "Entertainment"),
        ("EVENT_PLAN", "Event Planning and Service"),
        ("FINANCE", "Finance and Banking"),
        ("GROCERY", "Food and Grocery"),
        ("GOVT", "Public Service"),
        ("HOTEL", "Hotel and Lodging"),
        ("HEALTH", "Medical and Health"),
        ("NONPROFIT", "Non-profit"),
        ("PROF_SERVICES", "Professional Services"),
        ("RETAIL", "Shopping and Retail"),
        ("TRAVEL", "Travel and Transportation"),
        ("RESTAURANT", "Restaurant"),
        ("ALCOHOL", "Alcoholic Beverages"),
        ("ONLINE_GAMBLING", "Online Gambling and Gaming"),
        ("PHYSICAL_GAMBLING", "Non-Online Gambling and Gaming"),
        ("OTC_DRUGS", "Over-the-Counter Drugs"),
        ("OTHER", "Other"),
    ];

    public const string NotSetName = "Not set";

    /// <summary>A vertical Meta accepts on POST.</summary>
    public static bool IsKnown(string? code) => code is not null && All.Any(v => v.Code == code);

    /// <summary>Null for an unset vertical (missing, <c>UNDEFINED</c> or <c>NOT_A_BIZ</c>), else the code as Meta gave it.</summary>
    public static string? Normalize(string? code) =>
        string.IsNullOrWhiteSpace(code) || code is "UNDEFINED" or "NOT_A_BIZ" ? null : code;

    /// <summary>The readable name; "Not set" for an unset vertical; the code itself for one this list does not know yet.</summary>
    public static string NameOf(string? code) =>
        Normalize(code) is not { } set ? NotSetName : All.FirstOrDefault(v => v.Code == set).Name ?? set;
}
