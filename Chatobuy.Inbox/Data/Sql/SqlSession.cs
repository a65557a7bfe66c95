using System.Data.Common;
using System.Text.Json;

namespace Chatobuy.Inbox.Data.Sql;

/// <summary>
/// A connection of its own for one writer, kept open between transactions, with each statement prepared once and
/// reused: the hot path pays neither for opening a connection nor for compiling SQL nor for change tracking.
/// Not thread-safe: one writer uses it at a time.
/// </summary>
public sealed class SqlSession(DbConnection connection) : IAsyncDisposable
{
    private readonly Dictionary<string, SqlStatement> _statements = new(StringComparer.Ordinal);
    private DbTransaction? _transaction;

    public DbConnection Connection { get; } = connection;

    /// <summary>
    /// SQL that stands for the values of a list parameter set with <see cref="Ids"/>, for <c>x IN …</c>: one prepared
    /// statement serves any number of values.
    /// </summary>
    public static string InList(string parameter) => $"(SELECT value FROM json_each({parameter}))";

    /// <summary>The value of a list parameter used with <see cref="InList"/>.</summary>
    public static string Ids<TValue>(IEnumerable<TValue> values) => JsonSerializer.Serialize(values);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        _transaction = await Connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await _transaction!.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    /// <summary>Undoes what the open transaction wrote, if one is open.</summary>
    public async Task RollbackAsync()
    {
        if (_transaction is { } transaction)
        {
            _transaction = null;
            try
            {
                await transaction.RollbackAsync();
            }
            finally
            {
                await transaction.DisposeAsync();
            }
        }
    }

    /// <summary>The prepared statement for <paramref name="sql"/>, in the open transaction.</summary>
    public SqlStatement Statement(string sql)
    {
        if (!_statements.TryGetValue(sql, out var statement))
        {
            var command = Connection.CreateCommand();
            command.CommandText = sql;
            statement = new SqlStatement(command);
            _statements[sql] = statement;
        }

        statement.Command.Transaction = _transaction;
        return statement;
    }

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        foreach (var statement in _statements.Values)
        {
            await statement.Command.DisposeAsync();
        }

        await Connection.DisposeAsync();
    }
}
