using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace Chatobuy.Inbox.Features.Inbox;

/// <summary>
/// Short-lived tokens that let a Blazor circuit connect to the hub as its signed-in user, without handing the
/// sign-in cookie around. Issued server-side, valid for five minutes, protected with Data Protection.
/// </summary>
public sealed class HubTokens(IDataProtectionProvider provider, TimeProvider time)
{
    public const string SchemeName = "HubToken";

    private readonly ITimeLimitedDataProtector _protector =
        provider.CreateProtector("Chatobuy.Inbox.HubTokens.v1").ToTimeLimitedDataProtector();

    public string Issue(ClaimsPrincipal user)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("No signed-in user.");
        var name = user.Identity?.Name ?? id;
        return _protector.Protect($"{id}\n{name}", time.GetUtcNow().AddMinutes(5));
    }

    public ClaimsPrincipal? Validate(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token, out var expiration).Split('\n');
            if (parts.Length != 2 || expiration < time.GetUtcNow())
            {
                return null;
            }

            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, parts[0]), new Claim(ClaimTypes.Name, parts[1])], SchemeName);
            return new ClaimsPrincipal(identity);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>Reads a hub token from <c>access_token</c> (WebSockets) or <c>Authorization: Bearer</c>, on the hub path only.</summary>
public sealed class HubTokenAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HubTokens tokens) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Path.StartsWithSegments(InboxHub.Path))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var token = Request.Query["access_token"].ToString();
        if (string.IsNullOrEmpty(token) && Request.Headers.Authorization.ToString() is { } header && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = header["Bearer ".Length..].Trim();
        }

        if (string.IsNullOrEmpty(token))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        return Task.FromResult(tokens.Validate(token) is { } principal
            ? AuthenticateResult.Success(new AuthenticationTicket(principal, HubTokens.SchemeName))
            : AuthenticateResult.Fail("Invalid or expired hub token."));
    }
}
