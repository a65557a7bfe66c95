using System.Globalization;
using System.Text.RegularExpressions;

namespace Chatobuy.Inbox.Features.Store;

/// <summary>
/// Reads an amount from Meta's display price (commerce reference §1.3: <c>price</c> is a localised string such as
/// "$5.99", "HK$1,280.00" or "Rp460.000"), only when it cannot be misread: a currency sign or code around digits with
/// comma thousands separators and exactly two decimals, or no decimals at all without separators. Anything else
/// ("Rp460.000": thousands or decimals?) gives null; the order webhook's numeric <c>item_price</c> remains the truth.
/// </summary>
public static partial class DisplayPrices
{
    public static decimal? Amount(string? display)
    {
        if (string.IsNullOrWhiteSpace(display))
        {
            return null;
        }

        var match = Price().Match(display.Trim());
        if (!match.Success)
        {
            return null;
        }

        var number = match.Groups["number"].Value.Replace(",", "", StringComparison.Ordinal);
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }

    // A sign or code (letters and symbols, no digits) on either side of: 1,234.56 | 1234.56 | 1234 (no separators).
    [GeneratedRegex(@"^[^\d\s,.]*\s?(?<number>\d{1,3}(?:,\d{3})+\.\d{2}|\d+\.\d{2}|\d+)\s?[^\d\s,.]*$")]
    private static partial Regex Price();
}
