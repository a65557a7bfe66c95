using System.Security.Claims;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Users;

/// <summary>
/// A signed-in page's circuit can outlive the app (the browser gone, the circuit kept for reconnection). Its minute's
/// revalidation then came after the services were disposed: an error logged, a forced sign-out, and an unhandled
/// exception in the circuit while the pages re-rendered.
/// </summary>
public sealed class RevalidatingIdentityStateProviderTests
{
    [Fact]
    public async Task Revalidation_AfterTheAppStopped_KeepsTheUserWithoutTouchingDisposedServices()
    {
        var app = new InboxApp();
        await app.InitializeAsync();
        RevalidatingIdentityStateProvider provider;
        await using (var scope = app.CreateScope())
        {
            provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().ShouldBeOfType<RevalidatingIdentityStateProvider>();
        }

        var signedIn = new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, Guid.NewGuid().ToString())], "Identity.Application")));
        (await provider.ValidateAsync(signedIn, CancellationToken.None)).ShouldBeFalse("a user the app does not know is signed out while it runs");

        await app.DisposeAsync();

        (await provider.ValidateAsync(signedIn, CancellationToken.None)).ShouldBeTrue();
        app.Errors.All.ShouldBeEmpty();
    }
}
