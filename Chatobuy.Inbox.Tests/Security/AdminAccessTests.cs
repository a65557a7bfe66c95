using System.Net;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Security;

/// <summary>
/// An Agent is refused on every Admin-only page and endpoint, one by one. The list is checked against the app's own
/// endpoints, so a new Admin page that is not listed here fails a test instead of going untested.
/// </summary>
public sealed partial class AdminAccessTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Password = "correct-horse-42";

    /// <summary>Every route an Admin alone may open (with the Sandbox on, as in Development).</summary>
    private static readonly string[] AdminRouteList =
    [
        "/api-keys",
        "/channels",
        "/channels/new",
        "/channels/{ChannelId}/interactive-messages/new",
        "/channels/{ChannelId}/interactive-messages/{MessageId:long}/edit",
        "/channels/{Id}/profile",
        "/channels/{ChannelId}/store",
        "/channels/{ChannelId}/templates",
        "/channels/{ChannelId}/templates/new",
        "/channels/{ChannelId}/templates/{TemplateId:long}/edit",
        "/sandbox",
        "/sandbox/phone",
        "/usage",
        "/settings/contact-attributes",
        "/settings/labels",
        "/settings/mail",
        "/users",
    ];

    public static TheoryData<string> AdminRoutes
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var route in AdminRouteList)
            {
                data.Add(route);
            }

            return data;
        }
    }

    [Fact]
    public void AdminRoutes_TheListAbove_IsEveryAdminOnlyEndpointOfTheApp()
    {
        var listed = AdminRouteList.Order(StringComparer.Ordinal).ToList();

        var adminOnly = AdminEndpoints().Select(e => Pattern(e)).Distinct().Order(StringComparer.Ordinal).ToList();

        adminOnly.ShouldBe(listed, "Every Admin-only endpoint needs a row in AdminRouteList (and every row an endpoint).");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task Agent_AdminOnlyRoute_Refused(string pattern)
    {
        var endpoint = AdminEndpoints().First(e => Pattern(e) == pattern);
        using var agent = await SignedInAgentAsync();

        var response = await agent.GetAsync(Fill(pattern));

        if (endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null)
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            var location = response.Headers.Location!;
            (location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0]).ShouldBe("/access-denied");
            (await agent.GetStringAsync(location)).ShouldContain("Only an Admin can open that page.");
        }
        else
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private IEnumerable<RouteEndpoint> AdminEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(RequiresAdmin));

    private static bool RequiresAdmin(IAuthorizeData data) =>
        data.Policy == Policies.Admin
        || (data.Roles ?? "").Split(',', StringSplitOptions.TrimEntries).Contains(Roles.Admin);

    private static string Pattern(RouteEndpoint endpoint) => "/" + endpoint.RoutePattern.RawText!.TrimStart('/');

    /// <summary>A concrete path for a route pattern: numbers where the route wants a number, an id elsewhere.</summary>
    private static string Fill(string pattern) =>
        Parameter().Replace(pattern, match => match.Groups["constraint"].Value == "long" ? "1" : "some-channel-id");

    private async Task<HttpClient> SignedInAgentAsync()
    {
        var email = $"agent-{Guid.NewGuid():N}@example.com";
        await using (var scope = app.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<UserAdministration>();
            (await admin.CreateAsync(email, "Agent", Roles.Agent, Password)).Succeeded.ShouldBeTrue();
        }

        var client = app.CreateHttpClient();
        (await TestSignIn.PostLoginAsync(client, email, Password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [GeneratedRegex(@"\{(?<name>\w+)(:(?<constraint>\w+))?\}")]
    private static partial Regex Parameter();
}
