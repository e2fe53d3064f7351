using Npgsql;

namespace Journal.Web.Tests.Infrastructure;

/// <summary>Raw SQL reads for tests, on a connection set to one school (or none) as the app's own role.</summary>
public sealed class Sql(NpgsqlConnection connection) : IAsyncDisposable
{
    public static async Task<Sql> OpenAsync(JournalApp app, Guid? school)
    {
        var connection = new NpgsqlConnection(app.ConnectionString);
        await connection.OpenAsync();
        await using var set = new NpgsqlCommand("SELECT set_config('app.school_id', @s, false)", connection);
        set.Parameters.AddWithValue("s", school?.ToString() ?? "");
        await set.ExecuteNonQueryAsync();
        return new Sql(connection);
    }

    public NpgsqlConnection Connection => connection;

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value switch
        {
            null or DBNull => default!,
            T typed => typed,
            _ => (T)Convert.ChangeType(value, typeof(T), System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public async Task<List<T>> ColumnAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<T>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetFieldValue<T>(0));
        }

        return values;
    }

    public Task<List<string>> SchoolOwnedTablesAsync() => ColumnAsync<string>(
        """
        SELECT c.table_name::text FROM information_schema.columns c
        JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = 'public' AND c.column_name = 'school_id' AND t.table_type = 'BASE TABLE'
        ORDER BY 1
        """);

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}
