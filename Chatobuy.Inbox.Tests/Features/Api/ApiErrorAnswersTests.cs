using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Chatobuy.Inbox.Tests.Features.Api;

/// <summary>What an integrator with a valid key gets for a wrong path, id, method, Content-Type or body: a JSON error, never the sign-in's 401.</summary>
public sealed class ApiErrorAnswersTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string MissingKeyMessage = "A valid API key is required: send Authorization: Bearer <key>.";

    [Theory]
    [InlineData("/api/v1/conversations/abc/messages")]
    [InlineData("/api/v1/conversations/99999999999999999999/messages")]
    [InlineData("/api/v1/messages/not-a-number")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Get_ValidKeyUnmatchedPathOrId_404Json(string url)
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.NotFoundMessage);
    }

    [Theory]
    [InlineData("/api/v1/conversations")]
    [InlineData("/api/v1/conversations/1/messages")]
    [InlineData("/api/v1/conversations/abc/messages")]
    [InlineData("/api/v1/no-such-thing")]
    public async Task Get_NoKeyMatchedOrUnmatchedPath_401Json(string url)
    {
        using var client = app.CreateHttpClient();

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Headers.Location.ShouldBeNull();
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(MissingKeyMessage);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData(null)]
    public async Task Post_ValidKeyBodyNotJson_415Json(string? contentType)
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        var response = await client.PostAsync("/api/v1/conversations", Body("""{"to":"+5511987654321"}""", contentType));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.UnsupportedMediaTypeMessage);
    }

    [Fact]
    public async Task Post_NoKeyBodyNotJson_401Json()
    {
        using var client = app.CreateHttpClient();

        var response = await client.PostAsync("/api/v1/conversations", Body("to=1", "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(MissingKeyMessage);
    }

    [Theory]
    [InlineData("/api/v1/channels/any-channel")]
    [InlineData("/api/v1/channels/any-channel/profile")]
    public async Task Patch_ValidKeyBodyNotJson_415Json(string url)
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        var response = await client.PatchAsync(url, Body("""{"title":"New"}""", "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.UnsupportedMediaTypeMessage);
    }

    [Fact]
    public async Task Delete_ValidKeyPathWithoutThatMethod_405Json()
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        var response = await client.DeleteAsync("/api/v1/conversations");

        response.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.MethodNotAllowedMessage);
    }

    [Theory]
    [InlineData("/api/v1/conversations")]
    [InlineData("/api/v1/channels/any-channel/profile")]
    public async Task Post_ValidKeyInvalidJson_400Json(string url)
    {
        using var client = await ApiClients.WithNewKeyAsync(app);

        var response = await client.SendAsync(new HttpRequestMessage(url.EndsWith("profile", StringComparison.Ordinal) ? HttpMethod.Patch : HttpMethod.Post, url)
        {
            Content = Body("""{"to": "+55""", "application/json"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.InvalidJsonMessage);
    }

    internal static StringContent Body(string text, string? contentType)
    {
        var content = new StringContent(text, Encoding.UTF8);
        content.Headers.ContentType = contentType is null ? null : new MediaTypeHeaderValue(contentType);
        return content;
    }
}

/// <summary>Production answers invalid JSON with the same body as Development (it used to be an empty 400).</summary>
public sealed class ApiErrorAnswersProductionTests(ProductionInboxApp production) : IClassFixture<ProductionInboxApp>
{
    [Fact]
    public async Task Post_ValidKeyInvalidJson_400JsonInProduction()
    {
        using var client = await ApiClients.WithNewKeyAsync(production.App);

        var response = await client.PostAsync("/api/v1/conversations", ApiErrorAnswersTests.Body("""{"to": "+55""", "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.InvalidJsonMessage);
    }

    [Fact]
    public async Task Post_ValidKeyBodyNotJson_415JsonInProduction()
    {
        using var client = await ApiClients.WithNewKeyAsync(production.App);

        var response = await client.PostAsync("/api/v1/conversations", ApiErrorAnswersTests.Body("to=1", "text/plain"));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(ApiErrorAnswers.UnsupportedMediaTypeMessage);
    }

    [Fact]
    public void Host_Environment_IsProduction() =>
        production.App.Services.GetRequiredService<IHostEnvironment>().IsProduction().ShouldBeTrue();
}
