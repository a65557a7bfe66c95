using Chatobuy.Inbox.Features.Payments;
using Chatobuy.Inbox.Sandbox.Payments;

namespace Chatobuy.Inbox.Tests.Features.Payments;

/// <summary>Stripe's <c>Stripe-Signature</c> (commerce reference §5.8) as the inbox checks it and the Sandbox signs it.</summary>
public sealed class StripeWebhookSignatureTests
{
    private const string Secret = "whsec_test_secret_for_docs";
    private const string Body = """{"id":"evt_test_1","object":"event","type":"checkout.session.completed"}""";
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1767225600);
    private const string Header = "t=1767225600,v1=e149e8f662484845cb5bf85fc8f6d26f43c35892a28a752a634e177f89318187";

    [Fact]
    public void Check_ReferenceVector_Verifies()
    {
        StripeWebhookSignature.Check(Body, Header, [Secret], SignedAt.AddSeconds(10)).ShouldBeNull();
    }

    [Fact]
    public void SandboxSigner_ReferenceVector_GivesTheDocumentedHeader()
    {
        SandboxPaymentNotifier.StripeSignature(Body, Secret, SignedAt).ShouldBe(Header);
        StripeWebhookSignature.Sign(Body, Secret, SignedAt).ShouldBe(Header);
    }

    [Fact]
    public void Check_WrongSecret_IsRefused()
    {
        StripeWebhookSignature.Check(Body, Header, ["whsec_someone_else"], SignedAt).ShouldNotBeNull();
    }

    [Fact]
    public void Check_BodyChangedAfterSigning_IsRefused()
    {
        StripeWebhookSignature.Check(Body.Replace("completed", "expired"), Header, [Secret], SignedAt).ShouldNotBeNull();
    }

    [Fact]
    public void Check_ReplayedWithinFiveMinutes_StillVerifies_ButAfterwardsIsRefusedAsExpired()
    {
        StripeWebhookSignature.Check(Body, Header, [Secret], SignedAt.AddSeconds(300)).ShouldBeNull("a retry within Stripe's tolerance is genuine; the order ignores the repeat");
        StripeWebhookSignature.Check(Body, Header, [Secret], SignedAt.AddSeconds(301)).ShouldNotBeNull("an old signature replayed later is refused");
    }

    [Fact]
    public void Check_TimestampFarInTheFuture_IsRefused()
    {
        StripeWebhookSignature.Check(Body, Header, [Secret], SignedAt.AddSeconds(-301)).ShouldNotBeNull();
    }

    [Fact]
    public void Check_SecondSecretOrSecondV1Value_Verifies()
    {
        StripeWebhookSignature.Check(Body, Header, ["whsec_old_one", Secret], SignedAt).ShouldBeNull("the live and test secrets are both tried");
        var rolled = Header + ",v1=0000000000000000000000000000000000000000000000000000000000000000";
        StripeWebhookSignature.Check(Body, rolled, [Secret], SignedAt).ShouldBeNull("any v1 value may match while a secret is rolled");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1=e149e8f662484845cb5bf85fc8f6d26f43c35892a28a752a634e177f89318187")]
    [InlineData("t=1767225600")]
    public void Check_MissingOrMalformedHeader_IsRefused(string? header)
    {
        StripeWebhookSignature.Check(Body, header, [Secret], SignedAt).ShouldNotBeNull();
    }

    [Fact]
    public void Check_NoSecretSaved_IsRefusedAndSaysSo()
    {
        StripeWebhookSignature.Check(Body, Header, [], SignedAt).ShouldBe("No webhook signing secret is saved for this channel.");
    }
}
