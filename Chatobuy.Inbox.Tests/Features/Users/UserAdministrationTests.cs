using System.Net;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Users;

/// <summary>
/// One app whose database gets users (the tests below share it, so each uses its own emails), plus two apps that
/// stay as a first run finds them: <see cref="EmptyInboxApp"/> is never written to, <see cref="FirstRunInboxApp"/>
/// only gets its first Admin.
/// </summary>
public sealed class UserAdministrationTests(InboxApp app, EmptyInboxApp emptyApp, FirstRunInboxApp firstRunApp)
    : IClassFixture<InboxApp>, IClassFixture<EmptyInboxApp>, IClassFixture<FirstRunInboxApp>
{
    private const string Password = "correct-horse-42";

    [Fact]
    public async Task Home_NoUsersYet_RedirectsToSetup()
    {
        using var client = emptyApp.App.CreateHttpClient();

        var response = await client.GetAsync("/");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PathOf(response.Headers.Location).ShouldBe("/setup");
    }

    [Fact]
    public async Task CreateFirstAdmin_NoUsersYet_CreatesActiveAdminAndEndsSetup()
    {
        await using var scope = firstRunApp.App.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await admin.CreateFirstAdminAsync("first@example.com", "First Admin", Password);

        result.Succeeded.ShouldBeTrue(result.Error);
        var user = (await admin.ListAsync()).ShouldHaveSingleItem();
        user.Email.ShouldBe("first@example.com");
        user.DisplayName.ShouldBe("First Admin");
        user.Role.ShouldBe(Roles.Admin);
        user.IsActive.ShouldBeTrue();

        var again = await admin.CreateFirstAdminAsync("second@example.com", "Second", Password);
        again.Succeeded.ShouldBeFalse();
        again.Error.ShouldBe("Set-up is already done: sign in instead.");

        using var client = firstRunApp.App.CreateHttpClient();
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PathOf(home.Headers.Location).ShouldBe("/login");
    }

    [Fact]
    public async Task Create_DuplicateEmail_RefusedWithPlainMessage()
    {
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        (await admin.CreateAsync("dup@example.com", "First Dup", Roles.Agent, Password)).Succeeded.ShouldBeTrue();

        var result = await admin.CreateAsync("DUP@example.com", "Second Dup", Roles.Agent, Password);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("A user with this email already exists.");
        (await admin.ListAsync()).Count(u => u.Email.Equals("dup@example.com", StringComparison.OrdinalIgnoreCase)).ShouldBe(1);
    }

    [Fact]
    public async Task SetActive_LastActiveAdmin_RefusedAndStaysActive()
    {
        var (adminId, agentId) = await SeedOneAdminAndAnAgentAsync();
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await admin.SetActiveAsync(adminId, active: false, actingUserId: agentId);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("This is the last active Admin: make another user Admin first.");
        (await admin.ListAsync()).Single(u => u.Id == adminId).IsActive.ShouldBeTrue();
    }

    [Fact]
    public async Task SetActive_Self_Refused()
    {
        var (adminId, _) = await SeedOneAdminAndAnAgentAsync();
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await admin.SetActiveAsync(adminId, active: false, actingUserId: adminId);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("You cannot deactivate yourself.");
    }

    [Fact]
    public async Task ChangeRole_LastActiveAdminToAgent_RefusedAndStaysAdmin()
    {
        var (adminId, _) = await SeedOneAdminAndAnAgentAsync();
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();

        var result = await admin.ChangeRoleAsync(adminId, Roles.Agent, adminId);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("This is the last active Admin: make another user Admin first.");
        (await admin.ListAsync()).Single(u => u.Id == adminId).Role.ShouldBe(Roles.Admin);
    }

    [Fact]
    public async Task ChangeRole_AgentToAdmin_ShowsNewRole()
    {
        await using var scope = app.CreateScope();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var id = await CreateUserAsync(admin, "promoted@example.com", Roles.Agent);

        var result = await admin.ChangeRoleAsync(id, Roles.Admin);

        result.Succeeded.ShouldBeTrue(result.Error);
        (await admin.ListAsync()).Single(u => u.Id == id).Role.ShouldBe(Roles.Admin);

        // Back to Agent, so the shared database keeps one Admin for the "last Admin" tests.
        (await admin.ChangeRoleAsync(id, Roles.Agent)).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public async Task SignIn_DeactivatedUser_PageSaysDeactivated()
    {
        string id;
        await using (var scope = app.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            id = await CreateUserAsync(admin, "gone@example.com", Roles.Agent);
            (await admin.SetActiveAsync(id, active: false, actingUserId: "someone-else")).Succeeded.ShouldBeTrue();
            (await admin.ListAsync()).Single(u => u.Id == id).IsActive.ShouldBeFalse();
        }

        using var client = app.CreateHttpClient();
        var response = await PostLoginAsync(client, "gone@example.com", Password);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("This account has been deactivated");
        PathOf((await client.GetAsync("/")).Headers.Location).ShouldBe("/login");
    }

    [Fact]
    public async Task SignIn_ReactivatedUser_GetsIn()
    {
        await using (var scope = app.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var id = await CreateUserAsync(admin, "back@example.com", Roles.Agent);
            (await admin.SetActiveAsync(id, active: false, actingUserId: "someone-else")).Succeeded.ShouldBeTrue();
            (await admin.SetActiveAsync(id, active: true, actingUserId: "someone-else")).Succeeded.ShouldBeTrue();
        }

        using var client = app.CreateHttpClient();
        var response = await PostLoginAsync(client, "back@example.com", Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task SignIn_CorrectPassword_RedirectsAndCookieOpensHome()
    {
        await using (var scope = app.CreateScope())
        {
            await CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserAdministration>(), "welcome@example.com", Roles.Agent);
        }

        using var client = app.CreateHttpClient();
        var response = await PostLoginAsync(client, "welcome@example.com", Password);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PathOf(response.Headers.Location).ShouldBe("/");
        var home = await client.GetAsync("/");
        home.StatusCode.ShouldBe(HttpStatusCode.OK);
        // Greeted by name, the e-mail on hover.
        (await home.Content.ReadAsStringAsync()).ShouldContain("""Hello, <span title="welcome@example.com" data-testid="hello-name">welcome</span>""");
    }

    [Fact]
    public async Task SignIn_WrongPassword_PageSaysNotRight()
    {
        await using (var scope = app.CreateScope())
        {
            await CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserAdministration>(), "typo@example.com", Roles.Agent);
        }

        using var client = app.CreateHttpClient();
        var response = await PostLoginAsync(client, "typo@example.com", "not-the-password");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldContain("The email or password is not right.");
    }

    [Fact]
    public async Task UsersPage_Agent_IsSentToAccessDenied()
    {
        await using (var scope = app.CreateScope())
        {
            await CreateUserAsync(scope.ServiceProvider.GetRequiredService<UserAdministration>(), "plain-agent@example.com", Roles.Agent);
        }

        using var client = app.CreateHttpClient();
        (await PostLoginAsync(client, "plain-agent@example.com", Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/users");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        PathOf(response.Headers.Location).ShouldBe("/access-denied");
        var denied = await client.GetStringAsync(response.Headers.Location);
        denied.ShouldContain("Only an Admin can open that page.");
    }

    [Fact]
    public async Task UsersPage_Admin_ListsUsersWithStatus()
    {
        var (adminId, _) = await SeedOneAdminAndAnAgentAsync();
        await using (var scope = app.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            var id = await CreateUserAsync(admin, "listed-off@example.com", Roles.Agent);
            (await admin.SetActiveAsync(id, active: false, actingUserId: adminId)).Succeeded.ShouldBeTrue();
        }

        using var client = app.CreateHttpClient();
        (await PostLoginAsync(client, AdminEmail, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var response = await client.GetAsync("/users");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("listed-off@example.com");
        html.ShouldContain("Deactivated");
        html.ShouldContain("Add user");
    }

    private const string AdminEmail = "the-admin@example.com";

    /// <summary>
    /// The shared database's only active Admin (created once) and a fresh Agent. Whatever Admins other tests of the
    /// shared database left behind become Agents first, so the "last Admin" rules see the state they are about.
    /// </summary>
    private async Task<(string AdminId, string AgentId)> SeedOneAdminAndAnAgentAsync()
    {
        await using var scope = app.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
        var existing = await users.FindByEmailAsync(AdminEmail);
        var adminId = existing?.Id ?? await CreateUserAsync(admin, AdminEmail, Roles.Admin);
        if (existing is { IsActive: false })
        {
            (await admin.SetActiveAsync(adminId, active: true, actingUserId: "tests")).Succeeded.ShouldBeTrue();
        }

        foreach (var other in (await admin.ListAsync()).Where(u => u.Role == Roles.Admin && u.IsActive && u.Id != adminId))
        {
            (await admin.ChangeRoleAsync(other.Id, Roles.Agent, "tests")).Succeeded.ShouldBeTrue();
        }
        var agentId = await CreateUserAsync(admin, $"agent-{Guid.NewGuid():N}@example.com", Roles.Agent);
        return (adminId, agentId);
    }

    private static async Task<string> CreateUserAsync(UserAdministration admin, string email, string role)
    {
        var result = await admin.CreateAsync(email, email.Split('@')[0], role, Password);
        result.Succeeded.ShouldBeTrue(result.Error);
        return (await admin.ListAsync()).Single(u => u.Email == email).Id;
    }

    private static Task<HttpResponseMessage> PostLoginAsync(HttpClient client, string email, string password) =>
        TestSignIn.PostLoginAsync(client, email, password);

    private static string PathOf(Uri? location)
    {
        location.ShouldNotBeNull("Expected a redirect with a Location header.");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }
}

/// <summary>A whole app that nothing writes to: what a brand-new install looks like.</summary>
public sealed class EmptyInboxApp : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}

/// <summary>A whole app where only the first-run set-up happens.</summary>
public sealed class FirstRunInboxApp : IAsyncLifetime
{
    public InboxApp App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();
}
