using Chatobuy.Inbox.Features.Orders;

namespace Chatobuy.Inbox.Tests.Features.Orders;

/// <summary>How a cart (Meta's <c>order</c> object, commerce reference §4.1) is read, and how a catalog's display price reads as an amount.</summary>
public sealed class OrderIntakeReadTests
{
    [Fact]
    public void Read_MetasCart_ItemsWithDecimalPricesAndTheNote()
    {
        const string json = """
            {"catalog_id":"194836987003835","text":"Please deliver after 6pm","product_items":[
              {"product_retailer_id":"zmis5llkew","quantity":2,"item_price":120.5,"currency":"HKD"},
              {"product_retailer_id":"bag-001","quantity":1,"item_price":399,"currency":"hkd"}]}
            """;

        var cart = OrderIntake.Read(json).ShouldNotBeNull();

        cart.CatalogId.ShouldBe("194836987003835");
        cart.Text.ShouldBe("Please deliver after 6pm");
        cart.Items.ShouldBe([new CartItem("zmis5llkew", 2, 120.5m, "HKD"), new CartItem("bag-001", 1, 399m, "HKD")]);
    }

    [Theory]
    [InlineData("""{"catalog_id":"1","product_items":[]}""")]
    [InlineData("""{"catalog_id":"1"}""")]
    [InlineData("""{"product_items":[{"quantity":1,"item_price":1}]}""")]
    [InlineData("""{"product_items":[{"product_retailer_id":"A","quantity":0,"item_price":1}]}""")]
    [InlineData("not json")]
    [InlineData(null)]
    public void Read_NothingToOrder_Null(string? json) => OrderIntake.Read(json).ShouldBeNull();

    [Theory]
    [InlineData("$5.99", "5.99")]
    [InlineData("HK$1,200.00", "1200.00")]
    [InlineData("Rp460.000", "460000")]
    [InlineData("12.50 USD", "12.50")]
    [InlineData("€7,5", "7.5")]
    [InlineData("¥1500", "1500")]
    public void ReadPrice_DisplayPrices_TheAmountTheyStandFor(string display, string amount) =>
        OrderCatalog.ReadPrice(display).ShouldBe(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Free")]
    public void ReadPrice_NoNumber_Null(string? display) => OrderCatalog.ReadPrice(display).ShouldBeNull();
}
