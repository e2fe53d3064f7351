using FluentValidation;
using Journal.Web.Data;
using Journal.Web.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Journal.Web.Areas.Admin.Mail;

/// <summary>
/// DRY-5: the school's mail server for e-mail notifications. Empty host: no e-mail. The password is never shown back;
/// left empty, the stored one stays.
/// </summary>
public static class ChangeMailServer
{
    public sealed class Form
    {
        public string? Host { get; set; }

        public int Port { get; set; } = 25;

        public string? From { get; set; }

        public string? User { get; set; }

        public string? Password { get; set; }

        public bool UseTls { get; set; }

        /// <summary>Forget the stored password.</summary>
        public bool ClearPassword { get; set; }
    }

    public sealed record Model(Form Form, bool HasPassword, string? Saved);

    public sealed class Validator : AbstractValidator<Form>
    {
        public Validator()
        {
            RuleFor(x => x.Host).MaximumLength(200).WithMessage("Адрес сервера длиннее 200 знаков.")
                .Matches(@"^[A-Za-z0-9.\-]*$").WithMessage("Адрес сервера — имя вроде smtp.school.ru или IP-адрес, без пробелов.");
            RuleFor(x => x.Port).InclusiveBetween(1, 65535).WithMessage("Порт — число от 1 до 65535 (обычно 25, 465 или 587).");
            RuleFor(x => x.From).NotEmpty().When(x => !string.IsNullOrWhiteSpace(x.Host))
                .WithMessage("Укажите адрес отправителя, например journal@school.ru.")
                .EmailAddress().WithMessage("Адрес отправителя — e-mail, например journal@school.ru.")
                .MaximumLength(200).WithMessage("Адрес отправителя длиннее 200 знаков.");
            RuleFor(x => x.User).MaximumLength(200).WithMessage("Имя пользователя длиннее 200 знаков.");
            RuleFor(x => x.Password).MaximumLength(200).WithMessage("Пароль длиннее 200 знаков.");
        }
    }

    public sealed class Handler(JournalDbContext db, TenantContext tenant)
    {
        public async Task<Model> LoadAsync(string? saved, CancellationToken cancellationToken)
        {
            var s = (await db.Schools.AsNoTracking().SingleAsync(x => x.Id == tenant.RequireSchoolId(), cancellationToken)).Settings;
            return new Model(
                new Form { Host = s.SmtpHost, Port = s.SmtpPort, From = s.SmtpFrom, User = s.SmtpUser, UseTls = s.SmtpUseTls },
                !string.IsNullOrEmpty(s.SmtpPassword),
                saved);
        }

        public async Task SaveAsync(Form form, CancellationToken cancellationToken)
        {
            var school = await db.Schools.SingleAsync(x => x.Id == tenant.RequireSchoolId(), cancellationToken);
            var s = school.Settings;
            s.SmtpHost = string.IsNullOrWhiteSpace(form.Host) ? null : form.Host.Trim();
            s.SmtpPort = form.Port;
            s.SmtpFrom = string.IsNullOrWhiteSpace(form.From) ? null : form.From.Trim();
            s.SmtpUser = string.IsNullOrWhiteSpace(form.User) ? null : form.User.Trim();
            s.SmtpUseTls = form.UseTls;
            if (form.ClearPassword)
            {
                s.SmtpPassword = null;
            }
            else if (!string.IsNullOrEmpty(form.Password))
            {
                s.SmtpPassword = form.Password;
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
