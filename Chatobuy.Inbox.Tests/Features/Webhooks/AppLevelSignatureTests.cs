using System.Net;
using System.Text.Json.Nodes;
using Chatobuy.Inbox.Features.Webhooks;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Features.Webhooks;

/// <summary>
/// The app-level URL (<c>/webhooks/whatsapp</c>) checks the signature before it looks at what the body names, and a
/// signer may only write to the numbers served with its own App Secret.
/// </summary>
public sealed class AppLevelSignatureTests(InboxApp app) : IClassFixture<InboxApp>
{
    private const string Customer = "16505557000";

    private const string OtherAppSecret = "fedcba9876543210fedcba9876543210";

    public static TheoryData<string?, string> UnsignedOrForged => new()
    {
        { null, "unknown-number" },
        { null, "empty-entry" },
        { "sha256=0000000000000000000000000000000000000000000000000000000000000000", "unknown-number" },
        { "sha256=0000000000000000000000000000000000000000000000000000000000000000", "empty-entry" },
        { "sha256=abc", "unknown-number" },
        { "not a signature", "empty-entry" },
    };

    [Theory]
    [MemberData(nameof(UnsignedOrForged))]
    public async Task AppLevelPost_MissingOrWrongSignature_Answers401WhateverTheBodyNames(string? signature, string body)
    {
        await app.AddChannelAsync();
        using var client = app.CreateHttpClient();
        var envelope = body == "empty-entry"
            ? new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray() }
            : MetaWebhook.Envelope("123123123", "555000555000", [MetaWebhook.Text(Customer, "nobody home")]);

        var response = await MetaWebhook.PostAsync(client, "/webhooks/whatsapp", MetaWebhook.Bytes(envelope), signature);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task AppLevelPost_SignedWithAKnownSecret_EmptyEntryOrUnknownNumber_Answers200()
    {
        await app.AddChannelAsync();
        using var client = app.CreateHttpClient();

        var empty = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", new JsonObject { ["object"] = "whatsapp_business_account", ["entry"] = new JsonArray() });
        var unknown = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", MetaWebhook.Envelope("123123123", "555000555001", [MetaWebhook.Text(Customer, "nobody home")]));

        empty.StatusCode.ShouldBe(HttpStatusCode.OK);
        unknown.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AppLevelPost_UnsignedNamingAChannel_CountsTheRefusalOnThatChannel()
    {
        var channel = await app.AddChannelAsync();
        using var client = app.CreateHttpClient();

        var response = await MetaWebhook.PostAsync(client, "/webhooks/whatsapp",
            MetaWebhook.Bytes(MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "forged")])), signature: null);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.ViewAsync(channel)).RefusedSignatureCount.ShouldBe(1);
        (await app.MessagesAsync(channel.Id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task AppLevelPost_OneEnvelopeNamingANumberWithAnotherAppSecret_Answers401AndStoresNothing()
    {
        var signers = await app.AddChannelAsync();
        var other = await app.AddChannelAsync(appSecret: OtherAppSecret);
        using var client = app.CreateHttpClient();
        var envelope = MetaWebhook.Envelope(signers.WabaId, signers.PhoneNumberId, [MetaWebhook.Text(Customer, "for the signer's own number")]);
        var smuggled = MetaWebhook.Envelope(other.WabaId, other.PhoneNumberId, [MetaWebhook.Text(Customer, "for a number of another Meta app")]);
        ((JsonArray)envelope["entry"]!).Add(smuggled["entry"]![0]!.DeepClone());

        var response = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp", envelope, MetaWebhook.AppSecret);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.MessagesAsync(other.Id)).ShouldBeEmpty();
        (await app.MessagesAsync(signers.Id)).ShouldBeEmpty();
        (await app.ViewAsync(other)).RefusedSignatureCount.ShouldBe(1);
        (await app.ViewAsync(signers)).RefusedSignatureCount.ShouldBe(0);
    }

    [Fact]
    public async Task AppLevelPost_EachNumberSignedWithItsOwnAppSecret_IsStored()
    {
        var first = await app.AddChannelAsync();
        var second = await app.AddChannelAsync(appSecret: OtherAppSecret);
        using var client = app.CreateHttpClient();

        var toFirst = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp",
            MetaWebhook.Envelope(first.WabaId, first.PhoneNumberId, [MetaWebhook.Text(Customer, "to the first")]), MetaWebhook.AppSecret);
        var toSecond = await MetaWebhook.PostSignedAsync(client, "/webhooks/whatsapp",
            MetaWebhook.Envelope(second.WabaId, second.PhoneNumberId, [MetaWebhook.Text(Customer, "to the second")]), OtherAppSecret);

        toFirst.StatusCode.ShouldBe(HttpStatusCode.OK);
        toSecond.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.MessagesAsync(first.Id)).ShouldHaveSingleItem().Text.ShouldBe("to the first");
        (await app.MessagesAsync(second.Id)).ShouldHaveSingleItem().Text.ShouldBe("to the second");
    }

    [Fact]
    public async Task ChannelUrl_SignedWithAnotherChannelsSecret_Answers401()
    {
        var channel = await app.AddChannelAsync();
        await app.AddChannelAsync(appSecret: OtherAppSecret);
        using var client = app.CreateHttpClient();

        var response = await MetaWebhook.PostSignedAsync(client, $"/webhooks/whatsapp/{channel.Id}",
            MetaWebhook.Envelope(channel.WabaId, channel.PhoneNumberId, [MetaWebhook.Text(Customer, "forged")]), OtherAppSecret);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await app.MessagesAsync(channel.Id)).ShouldBeEmpty();
        (await app.ViewAsync(channel)).RefusedSignatureCount.ShouldBe(1);
    }
}
