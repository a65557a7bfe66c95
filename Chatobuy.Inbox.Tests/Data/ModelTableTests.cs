using System.Reflection;
using Chatobuy.Inbox.Data;
using Chatobuy.Inbox.Data.Sql;
using Chatobuy.Inbox.Features.Conversations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Chatobuy.Inbox.Tests.Data;

/// <summary>
/// The writer's prepared statements store rows exactly as EF Core does (column names, dates as numbers, enums as
/// text, nulls), so that every page reading them through EF Core sees the same thing, whatever column is added later.
/// </summary>
public sealed class ModelTableTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"model-table-{Guid.NewGuid():N}.db");
    private readonly InboxDbContext _db;

    public ModelTableTests()
    {
        _db = new InboxDbContext(new DbContextOptionsBuilder<InboxDbContext>().UseSqlite($"Data Source={_file};Pooling=False").Options);
        _db.Database.Migrate();
    }

    public void Dispose()
    {
        _db.Dispose();
        File.Delete(_file);
    }

    [Fact]
    public async Task Insert_EveryPropertySet_EfCoreReadsTheSameMessage()
    {
        var conversation = await ConversationAsync();
        var table = new ModelTable<Message>(_db.Model);
        var written = Filled<Message>();
        written.ConversationId = conversation.Id;

        await using var sql = new SqlSession(Reopened());
        await sql.BeginAsync(CancellationToken.None);
        var statement = sql.Statement(table.InsertSql);
        table.Bind(statement, written, table.Inserted);
        written.Id = (await statement.ScalarAsync(CancellationToken.None))!.Value;
        await sql.CommitAsync(CancellationToken.None);

        var read = await _db.Messages.AsNoTracking().SingleAsync(m => m.Id == written.Id);
        Differences(read, written).ShouldBeEmpty();
    }

    [Fact]
    public async Task Read_RowsEfCoreWrote_SameValuesAndNulls()
    {
        var conversation = await ConversationAsync();
        var full = Filled<Message>();
        full.ConversationId = conversation.Id;
        var sparse = new Message { ConversationId = conversation.Id, ChannelId = "c1", WaMessageId = "wamid.sparse", Type = "text", Timestamp = DateTimeOffset.UnixEpoch };
        _db.Messages.AddRange(full, sparse);
        await _db.SaveChangesAsync();
        var table = new ModelTable<Message>(_db.Model);

        await using var sql = new SqlSession(Reopened());
        var rows = (await table.ReadAllAsync(sql.Statement(table.SelectSql($"{table.Key.Name} IN (@a, @b)")).Set("@a", full.Id).Set("@b", sparse.Id), CancellationToken.None))
            .ToDictionary(m => m.Id);

        Differences(rows[full.Id], full).ShouldBeEmpty();
        Differences(rows[sparse.Id], sparse).ShouldBeEmpty();
    }

    [Fact]
    public async Task Update_SomeProperties_OthersUntouched()
    {
        var conversation = await ConversationAsync();
        var table = new ModelTable<Conversation>(_db.Model);
        conversation.LastInboundAt = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.FromHours(-5));
        conversation.UnreadCount = 4;
        conversation.AssigneeUserId = "not written";

        await using var sql = new SqlSession(Reopened());
        var statement = sql.Statement(table.UpdateSql(nameof(Conversation.LastInboundAt), nameof(Conversation.UnreadCount)));
        table.Bind(statement, conversation, [table[nameof(Conversation.LastInboundAt)], table[nameof(Conversation.UnreadCount)], table.Key]);
        (await statement.ExecuteAsync(CancellationToken.None)).ShouldBe(1);

        var read = await _db.Conversations.AsNoTracking().SingleAsync(c => c.Id == conversation.Id);
        read.LastInboundAt.ShouldBe(conversation.LastInboundAt);
        read.UnreadCount.ShouldBe(4);
        read.AssigneeUserId.ShouldBeNull();
        read.Status.ShouldBe(ConversationStatus.Open);
    }

    /// <summary>A connection of its own, as the writer has.</summary>
    private SqliteConnection Reopened()
    {
        var connection = new SqliteConnection($"Data Source={_file};Pooling=False;Foreign Keys=True");
        connection.Open();
        return connection;
    }

    private async Task<Conversation> ConversationAsync()
    {
        var contact = new Contact { WaId = "16505550101", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch };
        _db.Contacts.Add(contact);
        await _db.SaveChangesAsync();
        var conversation = new Conversation { ChannelId = "c1", ContactId = contact.Id, CreatedAt = DateTimeOffset.UnixEpoch };
        _db.Conversations.Add(conversation);
        await _db.SaveChangesAsync();
        _db.ChangeTracker.Clear();
        return conversation;
    }

    private static List<string> Differences<T>(T read, T expected) =>
        Settable<T>().Where(p => !Equals(p.GetValue(read), p.GetValue(expected))).Select(p => $"{p.Name}: {p.GetValue(read)} instead of {p.GetValue(expected)}").ToList();

    /// <summary>The stored properties: settable, of a value type or text (not navigations, not computed).</summary>
    private static IEnumerable<PropertyInfo> Settable<T>() =>
        typeof(T).GetProperties().Where(p => p.GetSetMethod() is not null && (p.PropertyType.IsValueType || p.PropertyType == typeof(string)));

    /// <summary>An entity with every scalar property set to a value unlike its default (and unlike each other).</summary>
    private static T Filled<T>()
        where T : new()
    {
        var entity = new T();
        var n = 0;
        foreach (var property in Settable<T>().Where(p => p.Name != "Id"))
        {
            n++;
            var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            object value = type switch
            {
                _ when type == typeof(string) => $"{property.Name}-{n}",
                _ when type == typeof(int) => 100 + n,
                _ when type == typeof(long) => 1000L + n,
                _ when type == typeof(bool) => true,
                _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 12, 3, 10, n % 60, 7, TimeSpan.FromHours(n % 2 == 0 ? 2 : -5)).AddMilliseconds(n),
                _ when type.IsEnum => Enum.GetValues(type).Cast<object>().Last(),
                _ => throw new InvalidOperationException($"No sample value for {property.Name} ({type.Name})"),
            };
            property.SetValue(entity, value);
        }

        return entity;
    }
}
