using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Inbox;
using Chatobuy.Inbox.Sandbox.State;
using Chatobuy.Inbox.Tests.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Inbox;

/// <summary>Product names for orders, looked up in the catalog the channel sees: the app's own Sandbox, over HTTP.</summary>
public sealed class ProductNamesTests(ProductNamesTests.ShopApp shop) : IClassFixture<ProductNamesTests.ShopApp>
{
    private readonly InboxApp _app = shop.App;
    private readonly Channel _channel = shop.Channel;

    /// <summary>One app for the class, with a channel on the Sandbox's first number.</summary>
    public sealed class ShopApp : IAsyncLifetime
    {
        public InboxApp App { get; } = new();

        public Channel Channel { get; private set; } = default!;

        public async Task InitializeAsync()
        {
            await App.InitializeAsync();
            Channel = await SandboxChannel.ConnectAsync(App, "Shop");
        }

        public Task DisposeAsync() => App.DisposeAsync();
    }

    [Fact]
    public async Task LookUp_CustomerOrderFromTheSandboxCatalog_NamesEveryProduct()
    {
        var order = await CustomerOrdersAsync("5511944440001", ("MUG-BLUE", 2), ("TEE-BLACK-M", 1));
        var products = ProductKey.In([order]);
        products.ShouldBe([new(SandboxCatalog.CatalogId, "MUG-BLUE"), new(SandboxCatalog.CatalogId, "TEE-BLACK-M")], ignoreOrder: true);
        // The order made of the cart may already have asked for these names (same cache): the lookup answers either way.
        var names = _app.Services.GetRequiredService<ProductNames>();

        var found = await names.LookUpAsync(_channel.Id, products, CancellationToken.None);

        found[new(SandboxCatalog.CatalogId, "MUG-BLUE")].ShouldBe("Blue ceramic mug");
        found[new(SandboxCatalog.CatalogId, "TEE-BLACK-M")].ShouldBe("Black T-shirt (M)");
        names.Known(_channel.Id, products).Count.ShouldBe(2);
        names.AllAnswered(_channel.Id, products).ShouldBeTrue();
    }

    [Fact]
    public async Task LookUp_UnknownProductOrCatalog_LeavesTheIdsToBeShown()
    {
        var names = _app.Services.GetRequiredService<ProductNames>();
        ProductKey[] products = [new(SandboxCatalog.CatalogId, "NOT-A-PRODUCT"), new("999000000000000", "MUG-BLUE")];

        var found = await names.LookUpAsync(_channel.Id, products, CancellationToken.None);

        found.ShouldBeEmpty();
        names.AllAnswered(_channel.Id, products).ShouldBeTrue();
    }

    private async Task<Message> CustomerOrdersAsync(string waId, params (string RetailerId, int Quantity)[] items)
    {
        using var client = _app.CreateHttpClient();
        var lines = new JsonArray();
        foreach (var (retailerId, quantity) in items)
        {
            var product = SandboxCatalog.Products.Single(p => p.RetailerId == retailerId);
            lines.Add(new JsonObject { ["product_retailer_id"] = retailerId, ["quantity"] = quantity, ["item_price"] = product.Price, ["currency"] = product.Currency });
        }

        var body = new JsonObject
        {
            ["phone_number_id"] = _channel.PhoneNumberId,
            ["name"] = "Customer",
            ["type"] = "order",
            ["order"] = new JsonObject { ["catalog_id"] = SandboxCatalog.CatalogId, ["product_items"] = lines },
        };
        (await client.PostAsJsonAsync($"/sandbox/customers/{waId}/messages", body)).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            await using var db = await _app.DbAsync();
            if (await db.Messages.AsNoTracking()
                    .FirstOrDefaultAsync(m => m.Type == "order" && db.Conversations.Any(c => c.Id == m.ConversationId && c.Contact!.WaId == waId)) is { } message)
            {
                return message;
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, "the customer's order never arrived");
            await Task.Delay(100);
        }
    }
}
