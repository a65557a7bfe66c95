using System.Net;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Users;

/// <summary>The sign-in page tells an attacker nothing about which accounts exist; it names a deactivated account only to its owner.</summary>
public sealed partial class SignInTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Password = "correct-horse-42";

    [Fact]
    public async Task SignIn_UnknownEmailWrongPasswordAndDeactivatedWithWrongPassword_SameMessage()
    {
        var known = await CreateUserAsync("known");
        var deactivated = await CreateUserAsync("deactivated", active: false);

        var unknown = await AlertAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.com", Password);
        var wrongPassword = await AlertAsync(known, "not-the-password");
        var deactivatedWrongPassword = await AlertAsync(deactivated, "not-the-password");

        unknown.ShouldStartWith("The email or password is not right.");
        wrongPassword.ShouldBe(unknown);
        deactivatedWrongPassword.ShouldBe(unknown);
    }

    [Fact]
    public async Task SignIn_DeactivatedWithRightPassword_SaysDeactivatedAndDoesNotSignIn()
    {
        var deactivated = await CreateUserAsync("gone", active: false);
        using var client = app.CreateHttpClient();

        var response = await TestSignIn.PostLoginAsync(client, deactivated, Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        AlertOf(await response.Content.ReadAsStringAsync()).ShouldBe(PasswordSignIn.DeactivatedMessage);
        SignInTests.PathOf((await client.GetAsync("/")).Headers.Location).ShouldBe("/login");
    }

    [Fact]
    public async Task SignIn_LockedOutAccount_SameMessageAsAnyFailure()
    {
        var locked = await CreateUserAsync("locked");
        await using (var scope = app.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var user = await users.FindByEmailAsync(locked);
            await users.SetLockoutEndDateAsync(user!, DateTimeOffset.UtcNow.AddMinutes(5));
        }

        var lockedRightPassword = await AlertAsync(locked, Password);
        var unknown = await AlertAsync("nobody-" + Guid.NewGuid().ToString("N") + "@example.com", Password);

        lockedRightPassword.ShouldBe(unknown);
        lockedRightPassword.ShouldContain("locked for 5 minutes");
    }

    private async Task<string> AlertAsync(string email, string password)
    {
        using var client = app.CreateHttpClient();
        var response = await TestSignIn.PostLoginAsync(client, email, password);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return AlertOf(await response.Content.ReadAsStringAsync());
    }

    private async Task<string> CreateUserAsync(string name, bool active = true)
    {
        var email = $"{name}-{Guid.NewGuid():N}@example.com";
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await admin.CreateAsync(email, name, Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        if (!active)
        {
            var id = (await admin.ListAsync()).Single(u => u.Email == email).Id;
            (await admin.SetActiveAsync(id, active: false, actingUserId: "someone-else")).Succeeded.ShouldBeTrue();
        }

        return email;
    }

    internal static string PathOf(Uri? location)
    {
        location.ShouldNotBeNull("Expected a redirect to the sign-in page.");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    internal static string AlertOf(string html)
    {
        var alert = Alert().Match(html);
        alert.Success.ShouldBeTrue("The sign-in page shows no message.");
        return WebUtility.HtmlDecode(alert.Groups[1].Value);
    }

    [GeneratedRegex("""<div class="auth-error" role="alert">([^<]*)</div>""")]
    private static partial Regex Alert();
}

/// <summary>A host whose sign-in form takes three attempts per client address a minute.</summary>
public sealed class SignInLimitedApp : IAsyncLifetime
{
    public const int PermitLimit = 3;

    public SignInLimitedApp() => App.Settings["SignInLimit:PermitLimit"] = PermitLimit.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public InboxApp App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

public sealed class SignInRateLimitTests(SignInLimitedApp limited) : IClassFixture<SignInLimitedApp>
{
    private const string Password = "correct-horse-42";

    [Fact]
    public async Task SignIn_MoreAttemptsThanTheLimit_429WithMessageAndNoSignInEvenWithTheRightPassword()
    {
        var app = limited.App;
        var email = $"limited-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, "Limited", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        }

        using var client = app.CreateHttpClient();
        for (var attempt = 0; attempt < SignInLimitedApp.PermitLimit; attempt++)
        {
            (await TestSignIn.PostLoginAsync(client, email, "not-the-password")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var refused = await TestSignIn.PostLoginAsync(client, email, Password);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        SignInTests.AlertOf(await refused.Content.ReadAsStringAsync()).ShouldBe(LoginPage.LimitedMessage);
        SignInTests.PathOf((await client.GetAsync("/")).Headers.Location).ShouldBe("/login");
        (await client.GetAsync("/login")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
