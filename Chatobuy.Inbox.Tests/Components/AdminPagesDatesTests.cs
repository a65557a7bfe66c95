using System.Net;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Components;

/// <summary>The Users and API keys pages write their moments as every page does (see Dates): "just now" for what was made a moment ago, the exact time on hover.</summary>
public sealed partial class AdminPagesDatesTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Password = "correct-horse-42";

    [Fact]
    public async Task UsersPage_NewUser_CreatedJustNowWithTheExactTimeOnHover()
    {
        using var client = await SignedInAdminAsync();

        var html = await client.GetStringAsync("/users");

        var created = CreatedCells().Matches(html).Select(m => m.Groups["text"].Value).ToList();
        created.ShouldNotBeEmpty();
        created.ShouldContain("just now");
        html.ShouldNotContain(DateTime.UtcNow.Year + "</td>");
    }

    [Fact]
    public async Task ApiKeysPage_NewKey_CreatedJustNowAndNeverUsed()
    {
        using var client = await SignedInAdminAsync();
        await using (var scope = app.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Dates test", "tests");
        }

        var html = await client.GetStringAsync("/api-keys");

        CreatedCells().Matches(html).Select(m => m.Groups["text"].Value).ShouldContain("just now");
        html.ShouldNotContain(" UTC");
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.CreateScope())
        {
            (await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, "Admin", Roles.Admin, Password)).Succeeded.ShouldBeTrue();
        }

        var client = app.CreateHttpClient();
        (await TestSignIn.PostLoginAsync(client, email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex("""data-label="Created"[^>]*>\s*<time datetime="[^"]+" title="[^"]+"[^>]*>(?<text>[^<]+)</time>""")]
    private static partial Regex CreatedCells();
}
