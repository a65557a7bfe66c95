using System.Data.Common;

namespace Chatobuy.Inbox.Data.Sql;

/// <summary>
/// One prepared command of a <see cref="SqlSession"/>: its parameters are created on first use and only their values
/// change after that, so the database compiles the statement once.
/// </summary>
public sealed class SqlStatement(DbCommand command)
{
    private readonly Dictionary<string, DbParameter> _parameters = new(StringComparer.Ordinal);

    public DbCommand Command { get; } = command;

    /// <summary>Sets a named parameter's value.</summary>
    public SqlStatement Set(string name, object? value)
    {
        if (!_parameters.TryGetValue(name, out var parameter))
        {
            parameter = Command.CreateParameter();
            parameter.ParameterName = name;
            Command.Parameters.Add(parameter);
            _parameters[name] = parameter;
        }

        parameter.Value = value ?? DBNull.Value;
        return this;
    }

    public Task<int> ExecuteAsync(CancellationToken cancellationToken) => Command.ExecuteNonQueryAsync(cancellationToken);

    /// <summary>The first column of the first row: the key an <c>INSERT … RETURNING</c> gave, null when none came back.</summary>
    public async Task<long?> ScalarAsync(CancellationToken cancellationToken) =>
        await Command.ExecuteScalarAsync(cancellationToken) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Reads every row with <paramref name="read"/>.</summary>
    public async Task<List<TRow>> ReadAsync<TRow>(Func<DbDataReader, TRow> read, CancellationToken cancellationToken)
    {
        var rows = new List<TRow>();
        await using var reader = await Command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
