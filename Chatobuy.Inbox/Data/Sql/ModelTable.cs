using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Chatobuy.Inbox.Data.Sql;

/// <summary>
/// One entity's table exactly as EF Core's model maps it (table and column names, value conversions such as dates as
/// sortable numbers and enums as text), for the hot paths that write and read rows with prepared statements and no
/// change tracking. What is written here is what EF Core would write, and EF Core reads it back unchanged; a column
/// added by a migration is picked up without touching this code.
/// </summary>
public sealed class ModelTable<T>
    where T : class, new()
{
    private readonly Dictionary<string, ModelColumn<T>> _byProperty;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _updates = new(StringComparer.Ordinal);

    public ModelTable(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var tableName = entity.GetTableName() ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table.");
        var table = StoreObjectIdentifier.Table(tableName, entity.GetSchema());
        Name = Quote(tableName);
        Columns = entity.GetProperties()
            .Where(p => !p.IsShadowProperty())
            .Select(p => new ModelColumn<T>(p, Quote(p.GetColumnName(table) ?? p.Name)))
            .ToList();
        _byProperty = Columns.ToDictionary(c => c.Property);
        var key = entity.FindPrimaryKey()?.Properties.Single() ?? throw new InvalidOperationException($"{typeof(T).Name} has no single-column key.");
        Key = _byProperty[key.Name];
        Inserted = Columns.Where(c => c != Key || key.ValueGenerated == ValueGenerated.Never).ToList();
        InsertSql = $"INSERT INTO {Name} ({string.Join(", ", Inserted.Select(c => c.Name))}) VALUES ({string.Join(", ", Inserted.Select(c => c.Parameter))}) RETURNING {Key.Name}";
    }

    /// <summary>The quoted table name.</summary>
    public string Name { get; }

    /// <summary>Every mapped column, in the model's order.</summary>
    public IReadOnlyList<ModelColumn<T>> Columns { get; }

    public ModelColumn<T> Key { get; }

    /// <summary>The columns an insert writes: all but a key the database generates.</summary>
    public IReadOnlyList<ModelColumn<T>> Inserted { get; }

    public ModelColumn<T> this[string property] => _byProperty[property];

    /// <summary><c>INSERT</c> of a whole row (<see cref="Inserted"/>), returning the key the database gave it.</summary>
    public string InsertSql { get; }

    /// <summary><c>SELECT</c> of whole rows (in <see cref="Columns"/> order) that match <paramref name="where"/>.</summary>
    public string SelectSql(string where) => $"SELECT {string.Join(", ", Columns.Select(c => c.Name))} FROM {Name} WHERE {where}";

    /// <summary><c>UPDATE</c> of the given properties of one row, found by its key.</summary>
    public string UpdateSql(params string[] properties) => _updates.GetOrAdd(string.Join(',', properties), _ =>
        $"UPDATE {Name} SET {string.Join(", ", properties.Select(p => $"{this[p].Name} = {this[p].Parameter}"))} WHERE {Key.Name} = {Key.Parameter}");

    /// <summary>Sets the parameters of <paramref name="statement"/> (built from this table's SQL) from the entity.</summary>
    public void Bind(SqlStatement statement, T entity, IEnumerable<ModelColumn<T>> columns)
    {
        foreach (var column in columns)
        {
            column.Bind(statement, entity);
        }
    }

    /// <summary>Inserts the row with <paramref name="sql"/>'s prepared statement; returns the key the database gave it.</summary>
    public async Task<long> InsertAsync(SqlSession sql, T row, CancellationToken cancellationToken)
    {
        var statement = sql.Statement(InsertSql);
        Bind(statement, row, Inserted);
        return await statement.ScalarAsync(cancellationToken) ?? throw new InvalidOperationException($"{Name}: the insert returned no key.");
    }

    /// <summary>Writes the given properties of the row, found by its key.</summary>
    public async Task UpdateAsync(SqlSession sql, T row, string[] properties, CancellationToken cancellationToken)
    {
        var statement = sql.Statement(UpdateSql(properties));
        Bind(statement, row, properties.Select(p => this[p]).Append(Key));
        await statement.ExecuteAsync(cancellationToken);
    }

    /// <summary>Reads a row selected by <see cref="SelectSql"/> into a new, untracked entity.</summary>
    public T Read(DbDataReader reader)
    {
        var entity = new T();
        for (var i = 0; i < Columns.Count; i++)
        {
            Columns[i].Read(entity, reader, i);
        }

        return entity;
    }

    /// <summary>Reads every row selected by <see cref="SelectSql"/>.</summary>
    public async Task<List<T>> ReadAllAsync(SqlStatement statement, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await statement.Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(Read(reader));
        }

        return rows;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
