using Chatobuy.Inbox.Features.Conversations;

namespace Chatobuy.Inbox.Tests.Features.Conversations;

/// <summary>A message's own rules: statuses only move forward, failed is final, and the preview line.</summary>
public sealed class MessageTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public void ApplyStatus_Forward_MovesAndKeepsPricing()
    {
        var message = new Message { Status = MessageStatus.Sent };

        message.ApplyStatus(Report(MessageStatus.Delivered, T0, pricing: """{"billable":true}""")).ShouldBeTrue();

        message.Status.ShouldBe(MessageStatus.Delivered);
        message.StatusAt.ShouldBe(T0);
        message.PricingJson.ShouldBe("""{"billable":true}""");
    }

    [Fact]
    public void ApplyStatus_Backward_ChangesNothing()
    {
        var message = new Message { Status = MessageStatus.Read, StatusAt = T0 };

        message.ApplyStatus(Report(MessageStatus.Delivered, T0.AddSeconds(5))).ShouldBeFalse();

        message.Status.ShouldBe(MessageStatus.Read);
        message.StatusAt.ShouldBe(T0);
    }

    [Fact]
    public void ApplyStatus_FailedAfterRead_FailsWithTheError()
    {
        var message = new Message { Status = MessageStatus.Read };

        message.ApplyStatus(Report(MessageStatus.Failed, T0, errorCode: 131047, errorTitle: "Re-engagement message")).ShouldBeTrue();

        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(131047);
        message.ErrorTitle.ShouldBe("Re-engagement message");
    }

    [Fact]
    public void ApplyStatus_AnythingAfterFailed_IsIgnoredAndTheErrorStays()
    {
        var message = new Message();
        message.Fail(T0, 131026, "Message undeliverable", "Receiver is incapable of receiving this message");

        message.ApplyStatus(Report(MessageStatus.Read, T0.AddSeconds(1))).ShouldBeFalse();
        message.ApplyStatus(Report(MessageStatus.Failed, T0.AddSeconds(2), errorCode: 1)).ShouldBeFalse();

        message.Status.ShouldBe(MessageStatus.Failed);
        message.ErrorCode.ShouldBe(131026);
        message.StatusAt.ShouldBe(T0);
    }

    [Fact]
    public void ApplyStatus_CallbackData_IsKeptOnce()
    {
        var message = new Message { Status = MessageStatus.Pending };

        message.ApplyStatus(Report(MessageStatus.Sent, T0, callback: "41"));
        message.ApplyStatus(Report(MessageStatus.Delivered, T0, callback: "99"));

        message.BizOpaqueCallbackData.ShouldBe("41");
    }

    [Fact]
    public void InApplyOrder_ReportsOutOfOrder_EndAtTheLatestWithFailedLast()
    {
        var message = new Message { Status = MessageStatus.Pending };
        MessageStatusUpdate[] reports = [Report(MessageStatus.Failed, T0.AddSeconds(3)), Report(MessageStatus.Read, T0.AddSeconds(2)), Report(MessageStatus.Sent, T0)];

        var applied = MessageStatusRules.InApplyOrder(reports).Count(message.ApplyStatus);

        applied.ShouldBe(3);
        message.Status.ShouldBe(MessageStatus.Failed);
    }

    [Theory]
    [InlineData("text", "Hello", null, "Hello")]
    [InlineData("image", "the blue one", null, "📷 Photo: the blue one")]
    [InlineData("image", null, null, "📷 Photo")]
    [InlineData("audio", null, """{"id":"1","voice":true}""", "🎤 Voice message")]
    [InlineData("audio", null, """{"id":"1"}""", "🎵 Audio")]
    [InlineData("sticker", null, null, "Sticker")]
    [InlineData("hologram", null, null, "Unsupported message")]
    public void Preview_ByType_ReadsAsAShortLine(string type, string? text, string? payload, string expected)
    {
        new Message { Type = type, Text = text, PayloadJson = payload }.Preview.ShouldBe(expected);
    }

    [Fact]
    public void Preview_Document_ShowsTheFileName()
    {
        new Message { Type = "document", MediaFileName = "invoice.pdf" }.Preview.ShouldBe("📄 invoice.pdf");
    }

    [Fact]
    public void Preview_LongText_IsCutTo200Characters()
    {
        var preview = new Message { Type = "text", Text = new string('a', 300) }.Preview;

        preview.Length.ShouldBe(200);
        preview.ShouldEndWith("...");
    }

    private static MessageStatusUpdate Report(
        MessageStatus status,
        DateTimeOffset at,
        int? errorCode = null,
        string? errorTitle = null,
        string? pricing = null,
        string? callback = null) =>
        new()
        {
            WaMessageId = "wamid.1",
            Status = status,
            Timestamp = at,
            ErrorCode = errorCode,
            ErrorTitle = errorTitle,
            PricingJson = pricing,
            BizOpaqueCallbackData = callback,
        };
}
