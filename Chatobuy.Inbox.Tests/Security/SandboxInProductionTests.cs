using System.Net;
using System.Net.Http.Headers;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Security;

/// <summary>
/// In Production, unless switched on, the Sandbox is not there: its emulated Graph API and customer endpoints answer 404,
/// and its pages (kept routable on purpose, behind the Admin policy) only say it is off and how to turn it on.
/// </summary>
public sealed class SandboxInProductionTests(ProductionInboxApp production) : IClassFixture<ProductionInboxApp>
{
    private const string Password = "correct-horse-42";

    private const string SandboxAccessToken = "EAASandboxSystemUserToken0000000000000000000000000000";

    [Theory]
    [InlineData("GET", "/sandbox/graph/v23.0/me")]
    [InlineData("GET", "/sandbox/graph/v23.0/880000000000001/owned_whatsapp_business_accounts")]
    [InlineData("GET", "/sandbox/throughput/some-number")]
    public async Task SignedInAdmin_SandboxEndpoint_404(string method, string path)
    {
        using var client = await SignedInAdminAsync();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("/sandbox")]
    [InlineData("/sandbox/phone")]
    public async Task SignedInAdmin_SandboxPage_SaysItIsOffAndShowsNoCredentials(string path)
    {
        using var client = await SignedInAdminAsync();

        var html = await client.GetStringAsync(path);

        html.ShouldContain("data-testid=\"sandbox-off\"");
        html.ShouldNotContain(SandboxAccessToken);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/channels/new")]
    public async Task SignedInAdmin_Menu_HasNoSandboxLink(string path)
    {
        using var client = await SignedInAdminAsync();

        var html = await client.GetStringAsync(path);

        html.ShouldContain("href=\"/users\"", customMessage: "the admin's menu is on the page");
        html.ShouldNotContain("href=\"/sandbox");
        html.ShouldNotContain(">Sandbox</");
    }

    [Fact]
    public async Task GraphCaller_SandboxTokenWithoutCookie_GetsNoGraphAnswer()
    {
        using var client = production.App.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", SandboxAccessToken);

        var response = await client.GetAsync("/sandbox/graph/v23.0/880000000000001/owned_whatsapp_business_accounts");

        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("\"data\"");
    }

    private async Task<HttpClient> SignedInAdminAsync()
    {
        var email = $"admin-{Guid.NewGuid():N}@example.com";
        await using (var scope = production.App.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await admin.CreateAsync(email, "Admin", Roles.Admin, Password)).Succeeded.ShouldBeTrue();
        }

        var client = production.App.CreateHttpClient();
        (await TestSignIn.PostLoginAsync(client, email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }
}
