using System.Net;
using System.Net.Mail;
using Journal.Domain.Schools;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Notifications;

/// <summary>
/// DRY-5: e-mails new notifications for the schools that set a mail server (SchoolSettings.Smtp*) to members whose
/// account has an address. Each notification is claimed by one UPDATE … RETURNING, so two senders never mail it twice;
/// if the server refuses, the claim is undone and the next round tries again. Notifications older than two days are
/// not mailed (a school that adds a server later does not flood its parents).
/// </summary>
public sealed partial class NotificationMailer(IServiceScopeFactory scopes, ILogger<NotificationMailer> logger) : BackgroundService
{
    public sealed record Pending(Guid Id, string Text, string Email);

    /// <summary>Mails what is pending in every school with a mail server; returns how many were sent.</summary>
    public async Task<int> SendPendingAsync(CancellationToken cancellationToken)
    {
        List<School> schools;
        await using (var scope = scopes.CreateAsyncScope())
        {
            schools = await scope.ServiceProvider.GetRequiredService<JournalDbContext>().Schools.AsNoTracking()
                .Where(s => !s.IsSuspended && s.Settings.SmtpHost != null && s.Settings.SmtpHost != "")
                .ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var school in schools)
        {
            await using var scope = scopes.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>()
                .EnterSchool(school.Id, school.Slug, school.Name, school.TimeZoneId, school.Settings);
            var db = scope.ServiceProvider.GetRequiredService<JournalDbContext>();
            var pending = await db.Database.SqlQuery<Pending>(
                    $"""
                    UPDATE notifications n SET mailed_at = now()
                    FROM memberships m JOIN users u ON u.id = m.user_id
                    WHERE m.id = n.recipient_id AND n.mailed_at IS NULL AND n.created_at > now() - interval '2 days'
                      AND u.email IS NOT NULL AND u.email <> ''
                    RETURNING n.id AS "Id", n.text AS "Text", u.email AS "Email"
                    """)
                .ToListAsync(cancellationToken);
            if (pending.Count == 0)
            {
                continue;
            }

            try
            {
                await SendAsync(school, pending, cancellationToken);
                sent += pending.Count;
            }
            catch (Exception ex) when (ex is SmtpException or IOException or InvalidOperationException or FormatException)
            {
                LogSendFailed(logger, ex, school.Id, pending.Count);
                var ids = pending.Select(p => p.Id).ToList();
                await db.Notifications.Where(n => ids.Contains(n.Id))
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.MailedAt, (DateTimeOffset?)null), CancellationToken.None);
            }
        }

        return sent;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendPendingAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is DbUpdateException or Npgsql.NpgsqlException or TimeoutException)
            {
                LogRoundFailed(logger, ex);
            }
        }
    }

    private static async Task SendAsync(School school, List<Pending> pending, CancellationToken cancellationToken)
    {
        var s = school.Settings;
        using var client = new SmtpClient(s.SmtpHost, s.SmtpPort) { EnableSsl = s.SmtpUseTls };
        if (!string.IsNullOrEmpty(s.SmtpUser))
        {
            client.Credentials = new NetworkCredential(s.SmtpUser, s.SmtpPassword);
        }

        var from = new MailAddress(string.IsNullOrWhiteSpace(s.SmtpFrom) ? $"journal@{s.SmtpHost}" : s.SmtpFrom, "Электронный журнал");
        foreach (var item in pending)
        {
            using var message = new MailMessage(from, new MailAddress(item.Email))
            {
                Subject = $"{school.Name}: новое в электронном журнале",
                Body = $"{item.Text}\n\nПодробности — в электронном журнале, раздел «Уведомления».",
                BodyEncoding = System.Text.Encoding.UTF8,
                SubjectEncoding = System.Text.Encoding.UTF8,
            };
            await client.SendMailAsync(message, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification mail for school {SchoolId} failed ({Count} kept for the next round)")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, Guid schoolId, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification mail round failed")]
    private static partial void LogRoundFailed(ILogger logger, Exception exception);
}
