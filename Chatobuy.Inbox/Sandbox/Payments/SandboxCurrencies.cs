namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>Minor units as Stripe counts them (commerce reference §5.6).</summary>
public static class SandboxCurrencies
{
    private static readonly HashSet<string> ZeroDecimal = new(StringComparer.OrdinalIgnoreCase)
    {
        "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF",
    };

    private static readonly HashSet<string> ThreeDecimal = new(StringComparer.OrdinalIgnoreCase) { "BHD", "JOD", "KWD", "OMR", "TND" };

    public static int MinorFactor(string currency) =>
        ZeroDecimal.Contains(currency) ? 1 : ThreeDecimal.Contains(currency) ? 1000 : 100;
}
