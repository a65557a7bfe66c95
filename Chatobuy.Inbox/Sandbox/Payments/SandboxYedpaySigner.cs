using System.Security.Cryptography;
using System.Text;

namespace Chatobuy.Inbox.Sandbox.Payments;

/// <summary>
/// Signs as Yedpay signs (commerce reference §6.6): every field but <c>sign</c>/<c>sign_type</c>, top-level names sorted
/// (nested <c>transaction[…]</c> members keep their order), <c>k=v</c> joined with <c>&amp;</c> unencoded, HMAC-SHA256
/// keyed with the 32-character sign key's ASCII bytes, lower-case hex.
/// </summary>
public static class SandboxYedpaySigner
{
    public static string Sign(IEnumerable<KeyValuePair<string, string>> fields, string signKey)
    {
        var message = string.Join('&', fields
            .Where(f => f.Key is not ("sign" or "sign_type"))
            .OrderBy(f => f.Key.Split('[')[0], StringComparer.Ordinal)
            .Select(f => $"{f.Key}={f.Value}"));
        return Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.ASCII.GetBytes(signKey), Encoding.UTF8.GetBytes(message)));
    }
}
