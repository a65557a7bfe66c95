using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Sandbox.Payments;

namespace Chatobuy.Inbox.Tests.Features.Payments;

/// <summary>Yedpay's HMAC-SHA256 <c>sign</c> (commerce reference §6.6), checked against the reference's test vector.</summary>
public sealed class YedpaySignatureTests
{
    private const string Key = "00112233445566778899aabbccddeeff";
    private const string Sign = "617e2ad692815305c5e1a813ceeb216143e8175c777ba986680aad6b9aa837dc";
    private static readonly string Nonce = new('a', 64);

    /// <summary>The §6.5 body as Yedpay posts it (form-encoded, nested members in their order).</summary>
    private static string Body(string sign = Sign, string amount = "120.50") =>
        "success=1&request_type=purchase&transaction%5Bid%5D=TXN0001&transaction%5Btransaction_id%5D=1234567890123456"
        + "&transaction%5Bgateway_code%5D=12_1&transaction%5Bcustom_id%5D=order-1001&transaction%5Bpayment_method%5D=VISA"
        + $"&transaction%5Bcurrency%5D=HKD&transaction%5Bamount%5D={amount}&transaction%5Bstatus%5D=paid"
        + "&transaction%5Bpaid_at%5D=2026-01-01+12%3A00%3A00&transaction%5Brefunded_at%5D="
        + $"&transaction%5Bupdated_at%5D=2026-01-01+12%3A00%3A05&nonce_str={Nonce}&sign_type=HMAC_SHA256&sign={sign}";

    [Fact]
    public void Canonical_ReferenceBody_SortsTopLevelOnlyAndKeepsValuesUnencoded()
    {
        YedpaySignature.Canonical(YedpaySignature.ParseForm(Body())).ShouldBe(
            $"nonce_str={Nonce}&request_type=purchase&success=1&transaction[id]=TXN0001&transaction[transaction_id]=1234567890123456"
            + "&transaction[gateway_code]=12_1&transaction[custom_id]=order-1001&transaction[payment_method]=VISA&transaction[currency]=HKD"
            + "&transaction[amount]=120.50&transaction[status]=paid&transaction[paid_at]=2026-01-01 12:00:00&transaction[refunded_at]="
            + "&transaction[updated_at]=2026-01-01 12:00:05");
    }

    [Fact]
    public void Verify_ReferenceVector_Verifies()
    {
        YedpaySignature.Verify(YedpaySignature.ParseForm(Body()), Key).ShouldBeTrue();
        YedpaySignature.Verify(YedpaySignature.ParseForm(Body(Sign.ToUpperInvariant())), Key).ShouldBeTrue("Yedpay's Java library lower-cases the received sign");
    }

    [Fact]
    public void SandboxSigner_ReferenceFields_GivesTheReferenceSign()
    {
        SandboxYedpaySigner.Sign(YedpaySignature.ParseForm(Body()), Key).ShouldBe(Sign);
    }

    [Fact]
    public void Verify_WrongKey_IsRefused()
    {
        YedpaySignature.Verify(YedpaySignature.ParseForm(Body()), "ffeeddccbbaa99887766554433221100").ShouldBeFalse();
    }

    [Fact]
    public void Verify_AmountChangedAfterSigning_IsRefused()
    {
        YedpaySignature.Verify(YedpaySignature.ParseForm(Body(amount: "1.00")), Key).ShouldBeFalse();
    }

    [Fact]
    public void Verify_KeyNotThirtyTwoCharacters_NeverVerifies()
    {
        YedpaySignature.Verify(YedpaySignature.ParseForm(Body()), Key + "00").ShouldBeFalse();
    }

    [Fact]
    public void Verify_NoSign_IsRefused()
    {
        var body = Body()[..Body().IndexOf("&sign=", StringComparison.Ordinal)];
        YedpaySignature.Verify(YedpaySignature.ParseForm(body), Key).ShouldBeFalse();
    }

    [Fact]
    public void Verify_SameNotificationTwice_VerifiesBothTimes_TheOrderIgnoresTheRepeat()
    {
        // Yedpay's notifications carry no timestamp to expire: a repeat is genuine (Yedpay retries for a day), and
        // the order, already paid, changes nothing the second time (see PaymentsEndToEndTests).
        var fields = YedpaySignature.ParseForm(Body());
        YedpaySignature.Verify(fields, Key).ShouldBeTrue();
        YedpaySignature.Verify(fields, Key).ShouldBeTrue();
    }

    [Fact]
    public void ParseForm_PlusAndPercent_AreDecoded()
    {
        YedpaySignature.ParseForm("a=1+2%2B3&b=&c").ShouldBe([new("a", "1 2+3"), new("b", ""), new("c", "")]);
    }

    [Theory]
    [InlineData("o42-1767225600", 42L)]
    [InlineData("order-1001", null)]
    [InlineData(null, null)]
    public void OrderIdOf_CustomId_IsTheOrderWhenOurs(string? customId, long? orderId)
    {
        YedpayPartner.OrderIdOf(customId).ShouldBe(orderId);
    }
}
