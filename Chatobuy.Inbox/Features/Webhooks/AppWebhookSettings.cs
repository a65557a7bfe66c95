using System.Security.Cryptography;
using Chatobuy.Inbox.Data;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Webhooks;

/// <summary>The Verify Token of the app-level webhook URL: configured, or generated once and kept in the data folder.</summary>
public sealed class AppWebhookSettings(IOptions<WebhookOptions> options, DataPaths paths)
{
    private readonly Lazy<string> _verifyToken = new(() => Resolve(options.Value, paths));

    public string VerifyToken => _verifyToken.Value;

    public const string Path = "/webhooks/whatsapp";

    private static string Resolve(WebhookOptions options, DataPaths paths)
    {
        if (!string.IsNullOrWhiteSpace(options.AppVerifyToken))
        {
            return options.AppVerifyToken.Trim();
        }

        var file = System.IO.Path.Combine(paths.DataDirectory, "app-verify-token.txt");
        if (File.Exists(file))
        {
            var stored = File.ReadAllText(file).Trim();
            if (stored.Length > 0)
            {
                return stored;
            }
        }

        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        File.WriteAllText(file, token);
        return token;
    }
}
