using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Journal.Web.Data.Interceptors;

/// <summary>
/// TEN-2, second layer: every time EF opens a connection it tells PostgreSQL the current school
/// and account, which the row-level security policies read (app.school_id, app.user_id).
/// A connection with no school set sees no school-owned row at all.
/// </summary>
public sealed class TenantConnectionInterceptor : DbConnectionInterceptor
{
    private const string Sql =
        "SELECT set_config('app.school_id', @school, false), set_config('app.user_id', @user, false)";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreateCommand(connection, eventData);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreateCommand(connection, eventData);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand CreateCommand(DbConnection connection, ConnectionEndEventData eventData)
    {
        var tenant = (eventData.Context as JournalDbContext)?.Tenant;
        var command = connection.CreateCommand();
        command.CommandText = Sql;
        AddParameter(command, "school", tenant?.SchoolId);
        AddParameter(command, "user", tenant?.UserId);
        return command;
    }

    private static void AddParameter(DbCommand command, string name, Guid? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value?.ToString() ?? string.Empty;
        command.Parameters.Add(parameter);
    }
}
