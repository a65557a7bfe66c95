using System.Text.Json.Nodes;
using Chatobuy.Inbox.CloudApi.Messages;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Features.Channels;
using Chatobuy.Inbox.Features.Interactive;
using Chatobuy.Inbox.Features.Media;
using Chatobuy.Inbox.Tests.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Chatobuy.Inbox.Tests.Features.Interactive;

/// <summary>The library as an admin uses it: save, search, rename, duplicate, delete; every check before anything is written.</summary>
public sealed class InteractiveLibraryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"chatobuy-library-{Guid.NewGuid():N}");
    private readonly FakeTimeProvider _time = new(Start);
    private IDbContextFactory<InboxDbContext> _dbFactory = default!;
    private MediaStore _media = default!;
    private InteractiveLibrary _library = default!;
    private string _channelId = "";
    private string _otherChannelId = "";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_dataDirectory);
        _dbFactory = new DbContextFactory(Path.Combine(_dataDirectory, "inbox.db"));
        await using var db = await _dbFactory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        var secrets = new ChannelSecrets(new EphemeralDataProtectionProvider());
        var channel = TestChannels.New(secrets, "Shop", "1001");
        var other = TestChannels.New(secrets, "Support", "1002");
        db.Channels.AddRange(channel, other);
        await db.SaveChangesAsync();
        (_channelId, _otherChannelId) = (channel.Id, other.Id);

        _media = new MediaStore(new DataPaths(_dataDirectory));
        _library = new InteractiveLibrary(_dbFactory, new InteractiveMessageDraftValidator(), _media, _time, NullLogger<InteractiveLibrary>.Instance);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataDirectory, recursive: true);
        return Task.CompletedTask;
    }

    private static InteractiveMessageDraft Slots(string name = "Delivery slots", string body = "Hi {{contact.name}}, pick a slot") => new()
    {
        Name = name,
        Body = body,
        Buttons = [new() { Id = "slot-am", Title = "Morning" }, new() { Id = "slot-pm", Title = "Evening" }],
    };

    private async Task<InteractiveMessage> CreateAsync(InteractiveMessageDraft draft, string? channelId = null)
    {
        var result = await _library.CreateAsync(channelId ?? _channelId, draft, "admin-1");
        result.Errors.ShouldBeEmpty();
        return result.Message.ShouldNotBeNull();
    }

    private async Task<List<InteractiveMessage>> StoredAsync()
    {
        await using var db = await _dbFactory.CreateDbContextAsync();
        return await db.InteractiveMessages.AsNoTracking().ToListAsync();
    }

    [Fact]
    public async Task Create_AValidMessage_StoresMetasObjectWithItsPlaceholders()
    {
        var saved = await CreateAsync(Slots());

        var stored = (await StoredAsync()).ShouldHaveSingleItem();
        stored.Name.ShouldBe("Delivery slots");
        stored.Type.ShouldBe(InteractiveTypes.Button);
        stored.ChannelId.ShouldBe(_channelId);
        stored.CreatedAt.ShouldBe(Start);
        stored.UpdatedAt.ShouldBe(Start);
        stored.UpdatedByUserId.ShouldBe("admin-1");
        var json = JsonNode.Parse(stored.InteractiveJson)!;
        json["type"]!.GetValue<string>().ShouldBe("button");
        json["body"]!["text"]!.GetValue<string>().ShouldBe("Hi {{contact.name}}, pick a slot");
        json["action"]!["buttons"]![1]!["reply"]!["id"]!.GetValue<string>().ShouldBe("slot-pm");
        json["action"]!["buttons"]![1]!["type"]!.GetValue<string>().ShouldBe("reply");
        json.AsObject().Select(p => p.Key).ShouldBe(["type", "action", "body"], ignoreOrder: true);
        InteractiveLibrary.Parse(stored).ShouldBeEquivalentTo(Slots().ToInteractive());
        saved.Id.ShouldBe(stored.Id);
    }

    [Fact]
    public async Task Create_OverMetasLimits_SavesNothingAndSaysWhereTheProblemsAre()
    {
        var draft = Slots();
        draft.Footer = new string('f', 61);
        draft.Buttons[1].Title = "Morning";

        var result = await _library.CreateAsync(_channelId, draft, "admin-1");

        result.Succeeded.ShouldBeFalse();
        result.Errors["Footer.Text"].ShouldBe("The footer can be at most 60 characters; it has 61.");
        result.Errors["Action.Buttons"].ShouldBe("Each button needs its own label.");
        (await StoredAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Create_ANameTheChannelHasInAnyCase_IsRefused_ButAnotherChannelMayUseIt()
    {
        await CreateAsync(Slots("Delivery slots"));

        var again = await _library.CreateAsync(_channelId, Slots("  delivery SLOTS "), "admin-1");

        again.Errors["Name"].ShouldBe(InteractiveLibrary.NameTakenMessage);
        (await StoredAsync()).Count.ShouldBe(1);
        await CreateAsync(Slots("Delivery slots"), _otherChannelId);
    }

    [Fact]
    public async Task Update_ChangesTheMessageAndItsTime_KeepingItsOwnName()
    {
        var saved = await CreateAsync(Slots());
        _time.Advance(TimeSpan.FromHours(2));
        var draft = InteractiveMessageDraft.From(saved, InteractiveLibrary.Parse(saved));
        draft.Body = "Pick a slot for tomorrow";

        var result = await _library.UpdateAsync(_channelId, saved.Id, draft, "admin-2");

        result.Succeeded.ShouldBeTrue();
        var stored = (await StoredAsync()).ShouldHaveSingleItem();
        InteractiveLibrary.BodyOf(stored).ShouldBe("Pick a slot for tomorrow");
        stored.CreatedAt.ShouldBe(Start);
        stored.UpdatedAt.ShouldBe(Start.AddHours(2));
        stored.UpdatedByUserId.ShouldBe("admin-2");
    }

    [Fact]
    public async Task Update_ToAnotherMessagesName_IsRefused()
    {
        await CreateAsync(Slots("Slots"));
        var menu = await CreateAsync(Slots("Menu"));
        var draft = InteractiveMessageDraft.From(menu, InteractiveLibrary.Parse(menu));
        draft.Name = "slots";

        var result = await _library.UpdateAsync(_channelId, menu.Id, draft, "admin-1");

        result.Errors["Name"].ShouldBe(InteractiveLibrary.NameTakenMessage);
        (await StoredAsync()).Select(m => m.Name).ShouldBe(["Slots", "Menu"], ignoreOrder: true);
    }

    [Fact]
    public async Task Duplicate_NamesTheCopyCopyOf_ThenNumbersFurtherCopies()
    {
        var original = await CreateAsync(Slots("Slots"));

        var first = await _library.DuplicateAsync(_channelId, original.Id, "admin-1");
        var second = await _library.DuplicateAsync(_channelId, original.Id, "admin-1");

        first.Message!.Name.ShouldBe("Copy of Slots");
        second.Message!.Name.ShouldBe("Copy of Slots (2)");
        first.Message.InteractiveJson.ShouldBe(original.InteractiveJson);
        (await StoredAsync()).Count.ShouldBe(3);
    }

    [Fact]
    public void CopyName_OfALongName_StaysWithinTheLimit()
    {
        var name = new string('n', 100);

        var copy = InteractiveLibrary.CopyName(name, new HashSet<string> { $"Copy of {name}"[..99] + "…" });

        copy.Length.ShouldBeLessThanOrEqualTo(InteractiveMessageDraftValidator.MaxName);
        copy.ShouldStartWith("Copy of nnn");
        copy.ShouldEndWith("… (2)");
    }

    [Fact]
    public async Task Delete_RemovesTheMessageFromTheLibrary()
    {
        var kept = await CreateAsync(Slots("Keep"));
        var gone = await CreateAsync(Slots("Gone"));

        (await _library.DeleteAsync(_channelId, gone.Id)).ShouldBeTrue();
        (await _library.DeleteAsync(_channelId, gone.Id)).ShouldBeFalse();
        (await _library.DeleteAsync(_otherChannelId, kept.Id)).ShouldBeFalse();

        (await StoredAsync()).ShouldHaveSingleItem().Name.ShouldBe("Keep");
    }

    [Fact]
    public async Task HeaderFile_IsKeptByContent_SharedByACopy_AndRemovedWithTheLastMessageUsingIt()
    {
        var draft = Slots("Menu card");
        draft.HeaderKind = InteractiveHeaderKind.Document;
        draft.HeaderFile = new InteractiveHeaderFile("menu.pdf", "application/pdf", "%PDF-1.4 menu"u8.ToArray());

        var saved = await CreateAsync(draft);
        var copy = (await _library.DuplicateAsync(_channelId, saved.Id, "admin-1")).Message!;

        saved.HeaderMediaPath.ShouldNotBeNull();
        saved.HeaderMediaFileName.ShouldBe("menu.pdf");
        saved.HeaderMediaMimeType.ShouldBe("application/pdf");
        copy.HeaderMediaPath.ShouldBe(saved.HeaderMediaPath);
        var file = _media.FullPath(saved.HeaderMediaPath)!;
        (await File.ReadAllTextAsync(file)).ShouldBe("%PDF-1.4 menu");
        var header = InteractiveLibrary.Parse(saved).Header!;
        header.Type.ShouldBe("document");
        header.Document!.Filename.ShouldBe("menu.pdf");
        JsonNode.Parse(saved.InteractiveJson)!["header"]!.ToJsonString().ShouldBe("""{"type":"document","document":{"filename":"menu.pdf"}}""");

        await _library.DeleteAsync(_channelId, saved.Id);
        File.Exists(file).ShouldBeTrue("the copy still uses it");
        await _library.DeleteAsync(_channelId, copy.Id);
        File.Exists(file).ShouldBeFalse();
    }

    [Fact]
    public async Task Update_KeepingTheHeaderFile_NeedsNoNewUpload()
    {
        var draft = Slots("Promo");
        draft.HeaderKind = InteractiveHeaderKind.Image;
        draft.HeaderFile = new InteractiveHeaderFile("mug.png", "image/png", [137, 80, 78, 71, 1]);
        var saved = await CreateAsync(draft);

        var edit = InteractiveMessageDraft.From(saved, InteractiveLibrary.Parse(saved));
        edit.Body = "New colours";
        var result = await _library.UpdateAsync(_channelId, saved.Id, edit, "admin-1");

        result.Errors.ShouldBeEmpty();
        result.Message!.HeaderMediaPath.ShouldBe(saved.HeaderMediaPath);
        result.Message.HeaderMediaFileName.ShouldBe("mug.png");
    }

    [Fact]
    public async Task List_WithSearch_FindsByNameOrBodyInAnyCase()
    {
        await CreateAsync(Slots("Delivery slots", "Pick a time"));
        await CreateAsync(Slots("Menu", "Our DELIVERY menu"));
        await CreateAsync(Slots("Shop link", "Visit us"));

        (await _library.ListAsync(_channelId)).Select(m => m.Name).ShouldBe(["Delivery slots", "Menu", "Shop link"]);
        (await _library.ListAsync(_channelId, "delivery")).Select(m => m.Name).ShouldBe(["Delivery slots", "Menu"]);
        (await _library.ListAsync(_channelId, "visit")).Select(m => m.Name).ShouldBe(["Shop link"]);
        (await _library.ListAsync(_otherChannelId)).ShouldBeEmpty();
    }

    /// <summary>A factory of contexts on one SQLite file, as the app's <c>AddDbContextFactory</c> gives.</summary>
    private sealed class DbContextFactory(string file) : IDbContextFactory<InboxDbContext>
    {
        private readonly DbContextOptions<InboxDbContext> _options = new DbContextOptionsBuilder<InboxDbContext>().UseSqlite($"Data Source={file}").Options;

        public InboxDbContext CreateDbContext() => new(_options);
    }
}
