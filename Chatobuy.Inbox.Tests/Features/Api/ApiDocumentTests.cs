using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Api;

/// <summary>What an integrator gets to generate a client: the OpenAPI document of every <c>/api/v1</c> route and the reference page.</summary>
public sealed partial class ApiDocumentTests(InboxApp app) : IClassFixture<InboxApp>
{
    [Fact]
    public async Task Document_EveryApiV1Endpoint_IsListedWithItsMethod()
    {
        var paths = (await DocumentAsync()).GetProperty("paths");
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["(any method)"])
                .Select(method => (Method: method, Path: WithoutConstraints(e.RoutePattern.RawText!))))
            .ToList();

        var missing = routes
            .Where(r => !(paths.TryGetProperty(r.Path, out var item) && item.TryGetProperty(r.Method.ToLowerInvariant(), out _)))
            .Select(r => $"{r.Method} {r.Path}")
            .ToList();

        routes.Count.ShouldBeGreaterThanOrEqualTo(11);
        missing.ShouldBeEmpty($"missing from /openapi/v1.json: {string.Join(", ", missing)}");
    }

    [Fact]
    public async Task Document_ListsOnlyTheIntegrationApi()
    {
        var paths = (await DocumentAsync()).GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();

        paths.ShouldNotBeEmpty();
        paths.Where(p => !p.StartsWith("/api/v1/", StringComparison.Ordinal)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Document_ApiKeyScheme_IsBearerAndRequired()
    {
        var document = await DocumentAsync();

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        scheme.GetProperty("type").GetString().ShouldBe("http");
        scheme.GetProperty("scheme").GetString().ShouldBe("bearer");
        document.GetProperty("security").EnumerateArray().Where(requirement => requirement.TryGetProperty("ApiKey", out _)).ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Document_SendMessage_HasTypedBodyAndAnswer()
    {
        var document = await DocumentAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/v1/conversations/{id}/messages").GetProperty("post");

        operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText()
            .ShouldContain("#/components/schemas/SendMessageBody");
        operation.GetProperty("responses").GetProperty("202").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetRawText()
            .ShouldContain("#/components/schemas/SendAcceptedDto");
        var body = document.GetProperty("components").GetProperty("schemas").GetProperty("SendMessageBody");
        body.GetProperty("properties").EnumerateObject().Select(p => p.Name).ShouldBe(["clientMessageId", "text", "mediaLink", "replyTo", "interactiveMessageId", "interactive"]);
        var interactive = body.GetProperty("properties").GetProperty("interactive");
        interactive.GetProperty("description").GetString().ShouldNotBeNull().ShouldContain("Meta's interactive object");
        interactive.GetProperty("type").EnumerateArray().Select(t => t.GetString()).ShouldBe(["null", "object"], ignoreOrder: true);
        body.TryGetProperty("required", out _).ShouldBeFalse("every field of the send body is optional");
    }

    [Fact]
    public async Task Document_ListedMessages_CarryTheTappedReplysId()
    {
        var document = await DocumentAsync();

        var message = document.GetProperty("components").GetProperty("schemas").GetProperty("MessageDto");
        message.GetProperty("properties").TryGetProperty("replyId", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task ReferencePage_WithoutKey_LoadsItsScriptFromTheInbox()
    {
        using var client = app.CreateHttpClient();

        var page = await client.GetAsync("/api/reference/");
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("openapi/v1.json");
        var scripts = ScriptSource().Matches(html).Select(m => m.Groups["src"].Value).ToList();
        scripts.ShouldNotBeEmpty();
        html.ShouldNotContain("https://");

        foreach (var script in scripts)
        {
            var asset = await client.GetAsync(new Uri(page.RequestMessage!.RequestUri!, script));
            asset.StatusCode.ShouldBe(HttpStatusCode.OK, script);
            (await asset.Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(1000, script);
        }
    }

    private async Task<JsonElement> DocumentAsync()
    {
        using var client = app.CreateHttpClient();
        var response = await client.GetAsync("/openapi/v1.json");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return document.RootElement.Clone();
    }

    /// <summary><c>/api/v1/messages/{id:long}</c> → <c>/api/v1/messages/{id}</c>, as the document writes paths.</summary>
    private static string WithoutConstraints(string pattern) => RouteConstraint().Replace(pattern, "}");

    [GeneratedRegex(@":[^}]*\}")]
    private static partial Regex RouteConstraint();

    [GeneratedRegex("""<script[^>]*\ssrc="(?<src>[^"]+)""")]
    private static partial Regex ScriptSource();
}
