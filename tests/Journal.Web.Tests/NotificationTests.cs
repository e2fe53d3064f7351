using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using AngleSharp.Html.Parser;
using Journal.Domain.Schools;
using Journal.Web.Notifications;
using Journal.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace Journal.Web.Tests;

/// <summary>DRY-5: a new mark or homework notifies the pupil and their parents, in the application and by e-mail.</summary>
public sealed class NotificationTests(JournalApp app)
{
    [Fact]
    public async Task DRY5_a_mark_saved_in_the_journal_notifies_the_pupil_and_each_parent_and_the_bell_counts_it()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var assignment = await PeriodMarkTests.AssignmentAsync(sql, "teacher@demo", "5А", "Математика");
        var pupil = await sql.ScalarAsync<Guid>(
            "SELECT p.id FROM pupils p JOIN memberships m ON m.id = p.membership_id JOIN users u ON u.id = m.user_id WHERE u.user_name = 'student@demo'");
        var lesson = await sql.ScalarAsync<Guid>(
            "SELECT id FROM lessons WHERE assignment_id = @a AND date <= @d AND date >= @d - 10 ORDER BY date DESC, lesson_number LIMIT 1",
            ("a", assignment), ("d", today));
        var date = await sql.ScalarAsync<DateOnly>("SELECT date FROM lessons WHERE id = @l", ("l", lesson));
        var recipients = await sql.ColumnAsync<Guid>(
            "SELECT membership_id FROM pupils WHERE id = @p AND membership_id IS NOT NULL UNION ALL SELECT parent_id FROM parent_links WHERE pupil_id = @p",
            ("p", pupil));
        recipients.Count.ShouldBeGreaterThan(1, "the pupil and a parent");
        var since = await sql.ScalarAsync<DateTime>("SELECT now()");
        var student = await app.SignInAsync("student@demo");
        var bellBefore = await BellAsync(student);

        var teacher = await app.SignInAsync("teacher@demo");
        var page = await new HtmlParser().ParseDocumentAsync(await teacher.GetStringAsync($"/s/demo/teacher/journal/{assignment}"));
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var current = await sql.ScalarAsync<string?>(
            "SELECT m.value FROM marks m JOIN works w ON w.id = m.work_id WHERE w.lesson_id = @l AND m.pupil_id = @p ORDER BY w.id LIMIT 1",
            ("l", lesson), ("p", pupil));
        var value = current == "4" ? "5" : "4";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/s/demo/teacher/journal/cell")
        {
            Content = JsonContent.Create(new { operationId = Guid.NewGuid(), lessonId = lesson, pupilId = pupil, value }),
        };
        request.Headers.Add("X-CSRF-TOKEN", token);
        (await teacher.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var text = $"Математика: отметка «{value}»";
        var notified = await sql.ColumnAsync<Guid>(
            "SELECT recipient_id FROM notifications WHERE pupil_id = @p AND created_at >= @s AND text LIKE @t AND text LIKE @d AND kind = 'Mark'",
            ("p", pupil), ("s", since), ("t", text + "%"), ("d", $"%за {date:dd.MM.yyyy}"));
        notified.Order().ShouldBe(recipients.Order());
        (await BellAsync(student)).ShouldBeGreaterThan(bellBefore);
        var list = await new HtmlParser().ParseDocumentAsync(await student.GetStringAsync("/s/demo/notifications"));
        var item = list.QuerySelectorAll(".notification-list li").First(li => li.TextContent.Contains(text, StringComparison.Ordinal));
        item.QuerySelector("a")!.GetAttribute("href")!.ShouldStartWith("/s/demo/student/diary?week=");
        (await BellAsync(student)).ShouldBe(0, "opening the list reads them");
    }

    [Fact]
    public async Task DRY5_homework_notifies_every_pupil_of_the_lesson_and_their_parents_once()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var today = SchoolClock.For(TimeProvider.System, "Asia/Yekaterinburg").Today;
        var assignment = await PeriodMarkTests.AssignmentAsync(sql, "classteacher@demo", "5А", "Литература");
        var lesson = await sql.ScalarAsync<Guid>(
            "SELECT id FROM lessons WHERE assignment_id = @a AND date <= @d AND date >= @d - 10 ORDER BY date DESC, lesson_number LIMIT 1",
            ("a", assignment), ("d", today));
        var expected = await sql.ScalarAsync<long>(
            """
            WITH lesson_pupils AS (
                SELECT e.pupil_id FROM enrolments e JOIN lessons l ON l.id = @l JOIN teaching_assignments a ON a.id = l.assignment_id
                WHERE e.class_id = a.class_id AND e.from_date <= l.date AND (e.to_date IS NULL OR e.to_date >= l.date))
            SELECT (SELECT count(*) FROM lesson_pupils p JOIN pupils x ON x.id = p.pupil_id WHERE x.membership_id IS NOT NULL)
                 + (SELECT count(*) FROM parent_links pl JOIN lesson_pupils p ON p.pupil_id = pl.pupil_id)
            """,
            ("l", lesson));
        var homework = $"§ 12, № {Random.Shared.Next(100, 999)} (проверка уведомлений)";
        var teacher = await app.SignInAsync("classteacher@demo");
        var url = $"/s/demo/teacher/journal/lesson/{lesson}";

        for (var i = 0; i < 2; i++)
        {
            var token = await JournalApp.AntiforgeryTokenAsync(teacher, url);
            var saved = await teacher.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Topic"] = "Решение задач",
                ["Homework"] = homework,
                ["__RequestVerificationToken"] = token,
            }));
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }

        (await sql.ScalarAsync<long>("SELECT count(*) FROM notifications WHERE kind = 'Homework' AND text LIKE @t", ("t", $"%{homework}")))
            .ShouldBe(expected, "once per recipient: saving the same homework again notifies nobody");
        expected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task DRY5_a_school_with_a_mail_server_mails_new_notifications_once()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        using var smtp = new SmtpListener();
        var member = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'student@demo2'");
        var address = $"pupil-{Guid.NewGuid():N}@example.org";
        var text = $"Литература: отметка «5» (сочинение) — проверка почты {Guid.NewGuid():N}";
        await sql.ScalarAsync<int>("UPDATE users SET email = @e WHERE user_name = 'student@demo2'", ("e", address));
        await sql.ScalarAsync<int>(
            "UPDATE schools SET smtp_host = '127.0.0.1', smtp_port = @port, smtp_from = 'journal@demo2.example' WHERE slug = 'demo2'",
            ("port", smtp.Port));
        try
        {
            await sql.ScalarAsync<int>(
                """
                INSERT INTO notifications (school_id, id, recipient_id, kind, text, created_at)
                SELECT school_id, gen_random_uuid(), id, 'Mark', @t, now() FROM memberships WHERE id = @m
                """,
                ("t", text), ("m", member));
            var mailer = app.Services.GetRequiredService<NotificationMailer>();

            await mailer.SendPendingAsync(CancellationToken.None);
            await mailer.SendPendingAsync(CancellationToken.None);

            var mails = smtp.Messages.Where(m => m.Recipients.Contains($"<{address}>")).ToList();
            mails.Count.ShouldBe(1, "mailed once, whatever the number of rounds");
            mails[0].Body.ShouldContain(text);
            (await sql.ScalarAsync<bool>("SELECT mailed_at IS NOT NULL FROM notifications WHERE text = @t", ("t", text))).ShouldBeTrue();
        }
        finally
        {
            await sql.ScalarAsync<int>("UPDATE schools SET smtp_host = NULL, smtp_port = 25, smtp_from = NULL WHERE slug = 'demo2'");
            await sql.ScalarAsync<int>("UPDATE users SET email = NULL WHERE user_name = 'student@demo2'");
        }
    }

    [Fact]
    public async Task DRY5_a_new_message_notifies_the_other_members_of_the_conversation()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo"));
        var recipient = await sql.ScalarAsync<Guid>(
            "SELECT m.id FROM memberships m JOIN users u ON u.id = m.user_id WHERE u.user_name = 'teacher9@demo'");
        var subject = $"Замена в пятницу {Guid.NewGuid():N}";
        var teacher = await app.SignInAsync("teacher@demo");
        var token = await JournalApp.AntiforgeryTokenAsync(teacher, "/s/demo/messages/new");
        using var form = new MultipartFormDataContent
        {
            { new StringContent("Person"), "Kind" },
            { new StringContent(recipient.ToString()), "PersonId" },
            { new StringContent(subject), "Subject" },
            { new StringContent("Возьмёте 3-й урок в 5Б?"), "Text" },
            { new StringContent(token), "__RequestVerificationToken" },
        };

        (await teacher.PostAsync("/s/demo/messages/new", form)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var conversation = await sql.ScalarAsync<Guid>("SELECT id FROM conversations WHERE subject = @s", ("s", subject));
        (await sql.ColumnAsync<string>(
                "SELECT recipient_id || ' ' || url FROM notifications WHERE kind = 'Message' AND text LIKE @t", ("t", $"%{subject}%")))
            .ShouldBe([$"{recipient} /s/demo/messages/{conversation}"], "the recipient only, not the author");
    }

    [Fact]
    public async Task DRY5_the_admin_sets_the_mail_server_the_password_is_never_shown_and_a_bad_port_changes_nothing()
    {
        await using var sql = await Sql.OpenAsync(app, await app.SchoolIdAsync("demo2"));
        var admin = await app.SignInAsync("admin@demo2");
        try
        {
            var saved = await PostMailAsync(admin, "smtp.school2.example", "587", "journal@school2.example", "Пароль-123");
            saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await sql.ScalarAsync<string>(
                    "SELECT smtp_host || ':' || smtp_port || ':' || smtp_from || ':' || smtp_password FROM schools WHERE slug = 'demo2'"))
                .ShouldBe("smtp.school2.example:587:journal@school2.example:Пароль-123");
            var page = await admin.GetStringAsync("/s/demo2/admin/mail");
            page.ShouldNotContain("Пароль-123");
            page.ShouldContain("Пароль сохранён");

            var refused = await PostMailAsync(admin, "smtp.other.example", "0", "journal@school2.example", "");

            refused.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("Порт — число от 1 до 65535");
            (await sql.ScalarAsync<string>("SELECT smtp_host FROM schools WHERE slug = 'demo2'")).ShouldBe("smtp.school2.example");
            (await (await app.SignInAsync("teacher@demo2")).GetAsync("/s/demo2/admin/mail")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
            (await (await app.SignInAsync("admin@demo")).GetAsync("/s/demo2/admin/mail")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        finally
        {
            await sql.ScalarAsync<int>(
                "UPDATE schools SET smtp_host = NULL, smtp_port = 25, smtp_from = NULL, smtp_password = NULL WHERE slug = 'demo2'");
        }
    }

    private static async Task<HttpResponseMessage> PostMailAsync(HttpClient client, string host, string port, string from, string password)
    {
        var token = await JournalApp.AntiforgeryTokenAsync(client, "/s/demo2/admin/mail");
        return await client.PostAsync("/s/demo2/admin/mail", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Host"] = host,
            ["Port"] = port,
            ["From"] = from,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
    }

    [Fact]
    public async Task Notifications_are_per_school_and_need_a_sign_in()
    {
        (await app.Anonymous().GetAsync("/s/demo/notifications")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await (await app.SignInAsync("teacher@demo2")).GetAsync("/s/demo/notifications")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static async Task<int> BellAsync(HttpClient client)
    {
        var home = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync("/s/demo/student"));
        var badge = home.QuerySelector(".notification-bell .badge");
        return badge is null ? 0 : int.Parse(badge.TextContent, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Just enough of an SMTP server to receive what the application sends (RFC 5321, no TLS, no auth).</summary>
    private sealed class SmtpListener : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly List<(string Recipients, string Body)> _messages = [];

        public SmtpListener()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public List<(string Recipients, string Body)> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using var _ = client;
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 test SMTP");
            var recipients = new StringBuilder();
            while (await reader.ReadLineAsync() is { } line)
            {
                var command = line.ToUpperInvariant();
                if (command.StartsWith("EHLO", StringComparison.Ordinal) || command.StartsWith("HELO", StringComparison.Ordinal))
                {
                    await writer.WriteLineAsync("250 test");
                }
                else if (command.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    recipients.Append(line[8..].Trim());
                    await writer.WriteLineAsync("250 OK");
                }
                else if (command == "DATA")
                {
                    await writer.WriteLineAsync("354 go on");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine).Append("\r\n");
                    }

                    lock (_messages)
                    {
                        _messages.Add((recipients.ToString(), Decode(data.ToString())));
                    }

                    recipients.Clear();
                    await writer.WriteLineAsync("250 queued");
                }
                else if (command == "QUIT")
                {
                    await writer.WriteLineAsync("221 bye");
                    return;
                }
                else
                {
                    await writer.WriteLineAsync("250 OK");
                }
            }
        }

        /// <summary>The text body: base64 or quoted-printable as System.Net.Mail writes UTF-8.</summary>
        private static string Decode(string message)
        {
            var split = message.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            var (headers, body) = (message[..split], message[(split + 4)..]);
            if (headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase))
            {
                return Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)));
            }

            if (headers.Contains("Content-Transfer-Encoding: quoted-printable", StringComparison.OrdinalIgnoreCase))
            {
                var bytes = new List<byte>();
                var text = body.Replace("=\r\n", "", StringComparison.Ordinal);
                for (var i = 0; i < text.Length; i++)
                {
                    if (text[i] == '=' && i + 2 < text.Length)
                    {
                        bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                        i += 2;
                    }
                    else
                    {
                        bytes.Add((byte)text[i]);
                    }
                }

                return Encoding.UTF8.GetString([.. bytes]);
            }

            return body;
        }
    }
}
