using System.Globalization;

namespace Chatobuy.Inbox.Features.Usage;

/// <summary>Calendar months in UTC, written "2026-12".</summary>
public static class UsageMonth
{
    public const string Format = "yyyy-MM";

    public static string Of(DateTimeOffset at) => at.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>The month "2026-12" names; false for anything else.</summary>
    public static bool TryParse(string? text, out DateTime month) =>
        DateTime.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out month);

    /// <summary>The <paramref name="count"/> months up to and including <paramref name="last"/>, oldest first.</summary>
    public static IReadOnlyList<string> Back(string last, int count)
    {
        var end = DateTime.ParseExact(last, Format, CultureInfo.InvariantCulture);
        return Enumerable.Range(0, count).Select(i => end.AddMonths(i - count + 1).ToString(Format, CultureInfo.InvariantCulture)).ToList();
    }

    /// <summary>"December 2026".</summary>
    public static string Display(string month) =>
        TryParse(month, out var at) ? at.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : month;
}
