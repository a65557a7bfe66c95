using Chatobuy.Inbox.Features.Orders;
using Chatobuy.Inbox.Features.Payments;

namespace Chatobuy.Inbox.Tests.Features.Payments;

/// <summary>Stripe's minor units (commerce reference §5.6) and the messages' placeholders.</summary>
public sealed class PaymentAmountsAndTextTests
{
    [Theory]
    [InlineData("120.50", "HKD", 12050L)]
    [InlineData("9.99", "usd", 999L)]
    [InlineData("500", "JPY", 500L)]
    [InlineData("1500", "KRW", 1500L)]
    [InlineData("1.234", "KWD", 1234L)]
    [InlineData("0.5", "EUR", 50L)]
    [InlineData("10.005", "USD", 1001L)]
    public void ToMinorUnits_Currency_IsTheIntegerStripeTakes(string amount, string currency, long minor)
    {
        StripeAmounts.ToMinorUnits(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency).ShouldBe(minor);
    }

    [Fact]
    public void Rounds_MoreDecimalsThanTheCurrency_IsSeen()
    {
        StripeAmounts.Rounds(10.005m, "USD").ShouldBeTrue();
        StripeAmounts.Rounds(10.05m, "USD").ShouldBeFalse();
        StripeAmounts.Rounds(500.5m, "JPY").ShouldBeTrue();
    }

    [Fact]
    public void FromMinorUnits_RoundTrips()
    {
        StripeAmounts.FromMinorUnits(12050, "hkd").ShouldBe(120.50m);
        StripeAmounts.FromMinorUnits(500, "jpy").ShouldBe(500m);
    }

    [Fact]
    public void Fill_EveryPlaceholder_IsReplaced()
    {
        var order = new Order
        {
            Id = 7,
            Currency = "HKD",
            PaymentLinkUrl = "https://pay.example/cs_1",
            Items = [new OrderItem { RetailerId = "scarf", Name = "Silk scarf", Quantity = 2, UnitPrice = 120.50m, Currency = "HKD" }],
        };

        PaymentText.Fill("Order {order_number}: {total}. Pay: {payment_link} ({order_number})", order)
            .ShouldBe("Order 1007: HKD 241.00. Pay: https://pay.example/cs_1 (1007)");
    }

    [Theory]
    [InlineData("sk_test_abc", false, null)]
    [InlineData("rk_test_abc", false, null)]
    [InlineData("sk_live_abc", true, null)]
    [InlineData("sk_live_abc", false, "live key")]
    [InlineData("sk_test_abc", true, "test key")]
    [InlineData("pk_test_abc", false, "publishable key")]
    [InlineData("whsec_abc", false, "webhook signing secret")]
    [InlineData("hello", false, "starts with sk_test_")]
    public void WrongKindOfKey_ByPrefixAndMode_SaysWhatIsWrong(string key, bool live, string? problem)
    {
        var found = StripeErrors.WrongKindOfKey(key, live);
        if (problem is null)
        {
            found.ShouldBeNull();
        }
        else
        {
            found.ShouldNotBeNull().ShouldContain(problem);
        }
    }
}
