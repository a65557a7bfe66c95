using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Users;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>
/// <c>GET /api/v1/channels/{id}/interactive-messages</c> and the kept header files, on the whole app with a channel
/// connected to its Sandbox; the library is filled as the builder fills it.
/// </summary>
public sealed class InteractiveApiTests(InteractiveApiTests.Shop shop) : IClassFixture<InteractiveApiTests.Shop>
{
    public sealed class Shop : IAsyncLifetime
    {
        public InboxApp App { get; } = new();

        public Channel Channel { get; private set; } = default!;

        public InteractiveMessage Slots { get; private set; } = default!;

        public InteractiveMessage Menu { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            await using (var setup = App.CreateScope())
            {
                // Past the first-run set-up, as on an installation in use.
                (await setup.ServiceProvider.GetRequiredService<UserAdministration>().CreateFirstAdminAsync("ada@example.com", "Ada", "correct horse battery")).Succeeded.ShouldBeTrue();
            }

            Channel = await SandboxChannel.ConnectAsync(App, "Shop");
            await using var scope = App.CreateScope();
            var library = scope.ServiceProvider.GetRequiredService<InteractiveLibrary>();
            Slots = (await library.CreateAsync(Channel.Id, new InteractiveMessageDraft
            {
                Name = "Delivery slots",
                Body = "Hi {{contact.name}}, when should we deliver?",
                Buttons = [new() { Id = "slot-am", Title = "Morning" }, new() { Id = "slot-pm", Title = "Evening" }],
                HeaderKind = InteractiveHeaderKind.Image,
                HeaderFile = new InteractiveHeaderFile("van.png", "image/png", [137, 80, 78, 71, 13, 10, 26, 10]),
            }, "admin")).Message!;
            Menu = (await library.CreateAsync(Channel.Id, new InteractiveMessageDraft
            {
                Name = "Lunch menu",
                Type = Chatobuy.Inbox.CloudApi.Messages.InteractiveTypes.List,
                Body = "Today's dishes",
                ListButton = "See dishes",
                Sections = [new() { Rows = [new() { Id = "soup", Title = "Tomato soup" }] }],
            }, "admin")).Message!;
        }

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task List_GivesEachMessageByNameWithMetasObject()
    {
        using var client = await ApiClients.WithNewKeyAsync(shop.App);

        var messages = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{shop.Channel.Id}/interactive-messages");

        messages.EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(["Delivery slots", "Lunch menu"]);
        var slots = messages[0];
        slots.GetProperty("id").GetInt64().ShouldBe(shop.Slots.Id);
        slots.GetProperty("type").GetString().ShouldBe("button");
        slots.GetProperty("headerFileName").GetString().ShouldBe("van.png");
        var interactive = slots.GetProperty("interactive");
        interactive.GetProperty("body").GetProperty("text").GetString().ShouldBe("Hi {{contact.name}}, when should we deliver?");
        interactive.GetProperty("header").GetProperty("type").GetString().ShouldBe("image");
        interactive.GetProperty("action").GetProperty("buttons")[1].GetProperty("reply").GetProperty("id").GetString().ShouldBe("slot-pm");
        messages[1].GetProperty("interactive").GetProperty("action").GetProperty("sections")[0].GetProperty("rows")[0].GetProperty("title").GetString().ShouldBe("Tomato soup");
    }

    [Fact]
    public async Task List_WithSearch_FindsByNameOrBody()
    {
        using var client = await ApiClients.WithNewKeyAsync(shop.App);

        var found = await client.GetFromJsonAsync<JsonElement>($"/api/v1/channels/{shop.Channel.Id}/interactive-messages?search=dishes");

        found.EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe(["Lunch menu"]);
    }

    [Fact]
    public async Task List_UnknownChannel_Is404WithTheReason()
    {
        using var client = await ApiClients.WithNewKeyAsync(shop.App);

        var response = await client.GetAsync("/api/v1/channels/no-such-channel/interactive-messages");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadFromJsonAsync<ApiError>())!.Error.ShouldBe(ChannelsApi.NotFoundMessage);
    }

    [Fact]
    public async Task List_WithoutAKey_Is401()
    {
        using var client = shop.App.CreateHttpClient();

        var response = await client.GetAsync($"/api/v1/channels/{shop.Channel.Id}/interactive-messages");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task OpenApi_DescribesTheListWithItsTypedAnswer()
    {
        using var client = shop.App.CreateHttpClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var operation = document.GetProperty("paths").GetProperty("/api/v1/channels/{id}/interactive-messages").GetProperty("get");
        operation.GetProperty("responses").GetProperty("200").GetRawText().ShouldContain("InteractiveMessageDto");
        document.GetProperty("components").GetProperty("schemas").GetProperty("InteractiveMessageDto").GetProperty("properties").EnumerateObject().Select(p => p.Name)
            .ShouldBe(["id", "name", "type", "interactive", "headerFileName", "headerMimeType", "createdAt", "updatedAt"]);
    }

    [Fact]
    public async Task HeaderFile_IsServedForThePreviews()
    {
        using var client = await ApiClients.WithNewKeyAsync(shop.App);

        var response = await client.GetAsync(InteractiveMediaController.UrlOf(shop.Slots));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(new byte[] { 137, 80, 78, 71, 13, 10, 26, 10 });
        (await client.GetAsync(InteractiveMediaController.UrlOf(shop.Menu))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Catalog_OfASandboxChannel_IsTheSeededCatalogWithEveryProduct()
    {
        var catalogs = shop.App.Services.GetRequiredService<InteractiveCatalogs>();

        var catalog = await catalogs.GetAsync(shop.Channel.Id, refresh: true);

        catalog.Error.ShouldBeNull();
        catalog.IsLinked.ShouldBeTrue();
        catalog.CatalogId.ShouldBe(Chatobuy.Inbox.Sandbox.State.SandboxCatalog.CatalogId);
        catalog.Products.Select(p => p.RetailerId).ShouldBe(Chatobuy.Inbox.Sandbox.State.SandboxCatalog.Products.Select(p => p.RetailerId), ignoreOrder: true);
        catalog.Products.ShouldAllBe(p => !string.IsNullOrEmpty(p.Price) && !string.IsNullOrEmpty(p.ImageUrl));
    }
}
