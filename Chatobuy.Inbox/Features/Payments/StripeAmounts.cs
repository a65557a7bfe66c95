using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Features.Payments;

/// <summary>Amounts as Stripe takes them: integers in the currency's minor unit (commerce reference §5.6).</summary>
public static class StripeAmounts
{
    /// <summary>Currencies with three decimals (×1000).</summary>
    public static readonly IReadOnlySet<string> ThreeDecimalCurrencies = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "BHD", "JOD", "KWD", "OMR", "TND",
    };

    /// <summary>How many minor units make one major unit of <paramref name="currency"/> (1, 100 or 1000).</summary>
    public static int Factor(string currency) =>
        Order.ZeroDecimalCurrencies.Contains(currency) ? 1 : ThreeDecimalCurrencies.Contains(currency) ? 1000 : 100;

    /// <summary>HKD 120.50 → 12050, JPY 500 → 500; a price with more decimals than the currency has rounds away from zero.</summary>
    public static long ToMinorUnits(decimal amount, string currency) =>
        (long)decimal.Round(amount * Factor(currency), 0, MidpointRounding.AwayFromZero);

    /// <summary>Whether converting <paramref name="amount"/> had to round (the catalog price has more decimals than the currency).</summary>
    public static bool Rounds(decimal amount, string currency) => amount * Factor(currency) != ToMinorUnits(amount, currency);

    /// <summary>12050 HKD → 120.50.</summary>
    public static decimal FromMinorUnits(long minor, string currency) => (decimal)minor / Factor(currency);
}
