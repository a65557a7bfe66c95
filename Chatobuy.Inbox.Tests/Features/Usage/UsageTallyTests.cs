using Chatobuy.Inbox.Features.Usage;

namespace Chatobuy.Inbox.Tests.Features.Usage;

/// <summary>How a status report's pricing object counts, and how months are written.</summary>
public sealed class UsageTallyTests
{
    [Theory]
    [InlineData("""{"billable":true,"pricing_model":"PMP","type":"regular","category":"marketing"}""", true, "marketing")]
    [InlineData("""{"billable":false,"pricing_model":"PMP","type":"free_customer_service","category":"service"}""", false, "service")]
    [InlineData("""{"pricing_model":"PMP","type":"free_entry_point","category":"utility"}""", false, "utility")]
    [InlineData("""{"billable":true,"pricing_model":"CBP","category":"utility"}""", true, "utility")]
    [InlineData("""{"billable":false,"pricing_model":"CBP","category":"service"}""", false, "service")]
    [InlineData("not json", false, null)]
    [InlineData(null, false, null)]
    public void Billable_PricingObject_IsReadAsMetaBillsIt(string? pricing, bool billable, string? category)
    {
        UsageTally.Billable(pricing).ShouldBe((billable, category));
    }

    [Fact]
    public void CountBillable_EachCategory_GoesToItsOwnCountAndUnknownOnesToOther()
    {
        var month = new ChannelUsageMonth();

        foreach (var category in (string?[])["marketing", "marketing", "utility", "authentication", "service", "referral_conversion", null])
        {
            month.CountBillable(category);
        }

        (month.BillableMarketing, month.BillableUtility, month.BillableAuthentication, month.BillableService, month.BillableOther).ShouldBe((2, 1, 1, 1, 2));
        month.BillableTotal.ShouldBe(7);
    }

    [Fact]
    public void UsageMonth_Back_GivesTheMonthsOldestFirstAcrossAYear()
    {
        UsageMonth.Back("2027-02", 4).ShouldBe(["2026-11", "2026-12", "2027-01", "2027-02"]);
        UsageMonth.Of(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.FromHours(-5))).ShouldBe("2027-01");
        UsageMonth.TryParse("2026-13", out _).ShouldBeFalse();
        UsageMonth.Display("2026-12").ShouldBe("December 2026");
    }
}
