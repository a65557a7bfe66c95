using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Api;
using Chatobuy.Inbox.Features.Conversations;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Chatobuy.Inbox.Tests.Features.Api;

/// <summary>The conversations part of the integration API over real HTTP, on rows written straight to the database.</summary>
public sealed class ConversationsApiTests(InboxApp app) : IClassFixture<InboxApp>, IAsyncLifetime
{
    private const string ChannelA = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    private const string ChannelB = "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private long _recent;
    private long _resolved;
    private long _middle;
    private long _photoId;
    private long _failedDocumentId;

    public async Task InitializeAsync()
    {
        await using var db = await DbAsync();
        await db.Reactions.ExecuteDeleteAsync();
        await db.Messages.ExecuteDeleteAsync();
        await db.Conversations.ExecuteDeleteAsync();
        await db.Contacts.ExecuteDeleteAsync();

        var ana = Contact("15550000001", "Ana");
        var ben = Contact("15550000002", "Ben");
        var noName = Contact("15550000003", null);
        db.Contacts.AddRange(ana, ben, noName);
        await db.SaveChangesAsync();

        var recent = Conversation(ChannelA, ana, ConversationStatus.Open, T0.AddHours(3), "Invoice", unread: 2);
        var resolved = Conversation(ChannelA, ben, ConversationStatus.Resolved, T0.AddHours(1), "Bye", unread: 0);
        var middle = Conversation(ChannelB, noName, ConversationStatus.Open, T0.AddHours(2), "Hi", unread: 1);
        db.Conversations.AddRange(resolved, recent, middle);
        await db.SaveChangesAsync();
        (_recent, _resolved, _middle) = (recent.Id, resolved.Id, middle.Id);

        // Stored out of order on purpose: the API orders by Meta's timestamp.
        var reply = Message(recent, "wamid.3", "text", MessageDirection.Outbound, "Thanks, Ana", T0.AddMinutes(3));
        reply.ReplyToWaMessageId = "wamid.1";
        reply.Status = MessageStatus.Read;
        var hello = Message(recent, "wamid.1", "text", MessageDirection.Inbound, "Hello", T0.AddMinutes(1));
        var document = Message(recent, "wamid.4", "document", MessageDirection.Inbound, "Invoice", T0.AddMinutes(4));
        document.MediaState = MediaState.Failed;
        document.MediaError = "The media file is no longer available at Meta.";
        var photo = Message(recent, "wamid.2", "image", MessageDirection.Inbound, "Look at this", T0.AddMinutes(2));
        photo.MediaMimeType = "image/png";
        photo.MediaState = MediaState.Downloaded;
        photo.MediaPath = await StoreFileAsync(MediaBytes);
        photo.MediaSize = MediaBytes.Length;
        db.Messages.AddRange(reply, hello, document, photo);
        db.Reactions.AddRange(
            new Reaction { TargetWaMessageId = "wamid.2", ReactorId = "15550000001", Emoji = "❤️", ReactedAt = T0.AddMinutes(5) },
            new Reaction { TargetWaMessageId = "wamid.2", ReactorId = "business", Emoji = "👍", ReactedAt = T0.AddMinutes(6) },
            new Reaction { TargetWaMessageId = "wamid.elsewhere", ReactorId = "15550000002", Emoji = "😮", ReactedAt = T0 });
        await db.SaveChangesAsync();
        (_photoId, _failedDocumentId) = (photo.Id, document.Id);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    internal static byte[] MediaBytes { get; } = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    [Fact]
    public async Task ListConversations_NoFilter_MostRecentFirstWithContactAndCounts()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/conversations");

        var root = json.RootElement;
        root.GetProperty("page").GetInt32().ShouldBe(1);
        root.GetProperty("pageSize").GetInt32().ShouldBe(50);
        root.GetProperty("total").GetInt32().ShouldBe(3);
        Ids(root).ShouldBe([_recent, _middle, _resolved]);
        var first = root.GetProperty("items")[0];
        first.GetProperty("channelId").GetString().ShouldBe(ChannelA);
        first.GetProperty("contact").GetProperty("waId").GetString().ShouldBe("15550000001");
        first.GetProperty("contact").GetProperty("name").GetString().ShouldBe("Ana");
        first.GetProperty("status").GetString().ShouldBe("open");
        first.GetProperty("lastMessageAt").GetDateTimeOffset().ShouldBe(T0.AddHours(3));
        first.GetProperty("lastMessagePreview").GetString().ShouldBe("Invoice");
        first.GetProperty("unreadCount").GetInt32().ShouldBe(2);
        first.GetProperty("lastInboundAt").GetDateTimeOffset().ShouldBe(T0.AddHours(3));
        root.GetProperty("items")[1].GetProperty("contact").GetProperty("name").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("items")[2].GetProperty("status").GetString().ShouldBe("resolved");
    }

    [Fact]
    public async Task ListConversations_Filters_OnlyMatchingConversations()
    {
        using var client = await ClientWithKeyAsync();

        using var byChannel = await GetJsonAsync(client, $"/api/v1/conversations?channelId={ChannelA}");
        using var resolved = await GetJsonAsync(client, "/api/v1/conversations?status=resolved");
        using var openOnB = await GetJsonAsync(client, $"/api/v1/conversations?channelId={ChannelB}&status=open");
        using var resolvedOnB = await GetJsonAsync(client, $"/api/v1/conversations?channelId={ChannelB}&status=resolved");

        Ids(byChannel.RootElement).ShouldBe([_recent, _resolved]);
        byChannel.RootElement.GetProperty("total").GetInt32().ShouldBe(2);
        Ids(resolved.RootElement).ShouldBe([_resolved]);
        Ids(openOnB.RootElement).ShouldBe([_middle]);
        Ids(resolvedOnB.RootElement).ShouldBeEmpty();
        resolvedOnB.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task ListConversations_SecondPage_ReturnsTheRestWithTotal()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, "/api/v1/conversations?page=2&pageSize=2");

        json.RootElement.GetProperty("page").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("pageSize").GetInt32().ShouldBe(2);
        json.RootElement.GetProperty("total").GetInt32().ShouldBe(3);
        Ids(json.RootElement).ShouldBe([_resolved]);
    }

    [Fact]
    public async Task ListMessages_Conversation_OldestFirstWithDirectionStatusReplyAndReactions()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, $"/api/v1/conversations/{_recent}/messages");

        var items = json.RootElement.GetProperty("items");
        json.RootElement.GetProperty("total").GetInt32().ShouldBe(4);
        items.EnumerateArray().Select(m => m.GetProperty("waMessageId").GetString()).ShouldBe(["wamid.1", "wamid.2", "wamid.3", "wamid.4"]);

        var hello = items[0];
        hello.GetProperty("type").GetString().ShouldBe("text");
        hello.GetProperty("direction").GetString().ShouldBe("inbound");
        hello.GetProperty("text").GetString().ShouldBe("Hello");
        hello.GetProperty("timestamp").GetDateTimeOffset().ShouldBe(T0.AddMinutes(1));
        hello.GetProperty("reactions").GetArrayLength().ShouldBe(0);

        var photo = items[1];
        photo.GetProperty("text").GetString().ShouldBe("Look at this");
        photo.GetProperty("reactions").EnumerateArray()
            .Select(r => $"{r.GetProperty("emoji").GetString()} {r.GetProperty("by").GetString()}")
            .ShouldBe(["❤️ 15550000001", "👍 business"]);

        var reply = items[2];
        reply.GetProperty("direction").GetString().ShouldBe("outbound");
        reply.GetProperty("status").GetString().ShouldBe("read");
        reply.GetProperty("replyTo").GetString().ShouldBe("wamid.1");
    }

    [Fact]
    public async Task ListMessages_Media_UrlOnlyWhenDownloaded()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, $"/api/v1/conversations/{_recent}/messages");

        var byId = json.RootElement.GetProperty("items").EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt64());
        byId[_photoId].GetProperty("mediaState").GetString().ShouldBe("downloaded");
        byId[_photoId].GetProperty("mediaUrl").GetString().ShouldBe($"{app.BaseAddress.GetLeftPart(UriPartial.Authority)}/media/{_photoId}");
        byId[_failedDocumentId].GetProperty("mediaState").GetString().ShouldBe("failed");
        byId[_failedDocumentId].GetProperty("mediaUrl").ValueKind.ShouldBe(JsonValueKind.Null);
        byId.Values.Where(m => m.GetProperty("type").GetString() == "text")
            .ShouldAllBe(m => m.GetProperty("mediaUrl").ValueKind == JsonValueKind.Null && m.GetProperty("mediaState").GetString() == "none");
    }

    [Fact]
    public async Task ListMessages_SecondPageOfTwo_ContinuesInOrder()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, $"/api/v1/conversations/{_recent}/messages?page=2&pageSize=2");

        json.RootElement.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("waMessageId").GetString()).ShouldBe(["wamid.3", "wamid.4"]);
    }

    [Fact]
    public async Task ListMessages_ConversationWithoutMessages_EmptyPage()
    {
        using var client = await ClientWithKeyAsync();

        using var json = await GetJsonAsync(client, $"/api/v1/conversations/{_resolved}/messages");

        json.RootElement.GetProperty("items").GetArrayLength().ShouldBe(0);
        json.RootElement.GetProperty("total").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task ListMessages_UnknownConversation_Returns404Json()
    {
        using var client = await ClientWithKeyAsync();

        var response = await client.GetAsync("/api/v1/conversations/987654321/messages");

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe("Conversation not found");
    }

    [Theory]
    [InlineData("/api/v1/conversations?page=0", "page must be a whole number of 1 or more.")]
    [InlineData("/api/v1/conversations?page=abc", "page must be a whole number of 1 or more.")]
    [InlineData("/api/v1/conversations?pageSize=0", "pageSize must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?pageSize=201", "pageSize must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?pageSize=-5", "pageSize must be a whole number from 1 to 200.")]
    [InlineData("/api/v1/conversations?status=closed", "status must be \"open\" or \"resolved\".")]
    [InlineData("/api/v1/conversations/1/messages?page=-1", "page must be a whole number of 1 or more.")]
    [InlineData("/api/v1/conversations/1/messages?pageSize=500", "pageSize must be a whole number from 1 to 200.")]
    public async Task List_BadQuery_Returns400JsonWithClearMessage(string url, string expected)
    {
        using var client = await ClientWithKeyAsync();

        var response = await client.GetAsync(url);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ApiResponses.ErrorOfAsync(response)).ShouldBe(expected);
    }

    [Fact]
    public async Task Media_SignedInUser_GetsTheBytesWithTheirType()
    {
        using var client = app.CreateHttpClient();
        await SignInAgentAsync(client);

        var response = await client.GetAsync($"/media/{_photoId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(MediaBytes);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
    }

    [Fact]
    public async Task Media_ApiKey_GetsTheBytes()
    {
        using var client = await ClientWithKeyAsync();

        var response = await client.GetAsync($"/media/{_photoId}");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(MediaBytes);
    }

    [Fact]
    public async Task Media_NotSignedIn_RedirectedToLogin()
    {
        using (var someoneElse = app.CreateHttpClient())
        {
            await SignInAgentAsync(someoneElse); // a user exists, so the set-up gate is out of the way
        }

        using var client = app.CreateHttpClient();

        var response = await client.GetAsync($"/media/{_photoId}");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/login");
    }

    [Fact]
    public async Task Media_NotDownloaded_Returns404()
    {
        using var client = app.CreateHttpClient();
        await SignInAgentAsync(client);

        var failed = await client.GetAsync($"/media/{_failedDocumentId}");
        var unknown = await client.GetAsync("/media/987654321");

        failed.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await ApiResponses.ErrorOfAsync(failed)).ShouldBe(MediaController.NotDownloadedMessage);
    }

    private async Task SignInAgentAsync(HttpClient client)
    {
        const string email = "media-viewer@example.com";
        const string password = "correct-horse-42";
        await using (var scope = app.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<Chatobuy.Inbox.Features.Users.UserAdministration>();
            if (!(await admin.ListAsync()).Any(u => u.Email == email))
            {
                (await admin.CreateAsync(email, "Media viewer", Chatobuy.Inbox.Features.Users.Roles.Agent, password)).Succeeded.ShouldBeTrue();
            }
        }

        (await TestSignIn.PostLoginAsync(client, email, password)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    private async Task<string> StoreFileAsync(byte[] bytes)
    {
        var store = app.Services.GetRequiredService<MediaStore>();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var relative = MediaStore.RelativePathFor(hash, "image/png");
        var path = store.FullPath(relative)!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, bytes);
        return relative;
    }

    private async Task<HttpClient> ClientWithKeyAsync()
    {
        await using var scope = app.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<ApiKeyService>().CreateAsync("Conversations test", "tests");
        var client = app.CreateHttpClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", created.Plaintext);
        return client;
    }

    private static async Task<JsonDocument> GetJsonAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/json");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static List<long> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ToList();

    private Task<InboxDbContext> DbAsync() =>
        app.Services.GetRequiredService<IDbContextFactory<InboxDbContext>>().CreateDbContextAsync();

    private static Contact Contact(string waId, string? name) =>
        new() { WaId = waId, ProfileName = name, CreatedAt = T0, UpdatedAt = T0 };

    private static Conversation Conversation(string channelId, Contact contact, ConversationStatus status, DateTimeOffset last, string preview, int unread) => new()
    {
        ChannelId = channelId,
        ContactId = contact.Id,
        Status = status,
        LastMessageAt = last,
        LastInboundAt = last,
        LastMessagePreview = preview,
        UnreadCount = unread,
        CreatedAt = T0,
    };

    private static Message Message(Conversation conversation, string wamid, string type, MessageDirection direction, string text, DateTimeOffset at) => new()
    {
        ConversationId = conversation.Id,
        ChannelId = conversation.ChannelId,
        WaMessageId = wamid,
        Type = type,
        Direction = direction,
        Text = text,
        Timestamp = at,
        CreatedAt = T0,
    };
}
