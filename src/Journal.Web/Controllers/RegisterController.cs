using FluentValidation;
using Journal.Web.Data;
using Journal.Web.Invitations;
using Journal.Web.Tenancy;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Journal.Web.Controllers;

/// <summary>
/// AUTH-2: /register. A parent or pupil types the invitation code from the class teacher's slip, sees whom it is for,
/// and either makes an account or signs in to the one they have; every POST here is rate-limited per address.
/// </summary>
[AllowAnonymous]
public sealed class RegisterController(
    FindInvitation.Handler find,
    RedeemInvitation.Handler redeem,
    SignInManager<AppUser> signIn,
    TenantContext tenant,
    IValidator<NewAccountForm> accountValidator,
    IValidator<ExistingAccountForm> signInValidator) : Controller
{
    public const string RateLimitPolicy = "invitation-codes";

    public sealed record ChooseModel(FindInvitation.Found Invitation, NewAccountForm Account, ExistingAccountForm SignIn)
    {
        public List<string> AccountErrors { get; } = [];

        public List<string> SignInErrors { get; } = [];
    }

    [HttpGet("/register")]
    public IActionResult Index() => View("Code", new CodeForm());

    [HttpPost("/register")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Index(CodeForm form, CancellationToken cancellationToken)
    {
        var invitation = await find.Handle(form.Code, cancellationToken);
        return invitation is null
            ? CodeNotFound(form.Code)
            : View("Choose", new ChooseModel(invitation, new NewAccountForm { Code = form.Code }, new ExistingAccountForm { Code = form.Code }));
    }

    [HttpPost("/register/account")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> Account([Bind(Prefix = "account")] NewAccountForm form, CancellationToken cancellationToken)
    {
        var invitation = await find.Handle(form.Code, cancellationToken);
        if (invitation is null)
        {
            return CodeNotFound(form.Code);
        }

        var model = new ChooseModel(invitation, form, new ExistingAccountForm { Code = form.Code });
        var validation = await accountValidator.ValidateAsync(form, cancellationToken);
        model.AccountErrors.AddRange(validation.Errors.Select(e => e.ErrorMessage));
        if (model.AccountErrors.Count > 0)
        {
            return View("Choose", model); // an empty field binds as null: nothing below reads the form before this
        }

        var user = new AppUser { UserName = form.Login.Trim(), DisplayName = form.Person.FullName };
        model.AccountErrors.AddRange(await PasswordErrorsAsync(user, form.Password));

        if (model.AccountErrors.Count == 0 && await signIn.UserManager.FindByNameAsync(user.UserName) is not null)
        {
            model.AccountErrors.Add("Этот логин уже занят. Придумайте другой или войдите, если это ваша учётная запись.");
        }

        if (model.AccountErrors.Count > 0)
        {
            return View("Choose", model);
        }

        var (outcome, errors) = await redeem.Handle(invitation, user.Id, form.Person.ForSchool, async () =>
        {
            var created = await signIn.UserManager.CreateAsync(user, form.Password);
            return created.Succeeded ? [] : created.Errors.Select(e => e.Description).ToList();
        }, cancellationToken);
        model.AccountErrors.AddRange(errors);
        return model.AccountErrors.Count > 0 ? View("Choose", model) : await AfterRedeemAsync(outcome, user, invitation, model);
    }

    [HttpPost("/register/signin")]
    [EnableRateLimiting(RateLimitPolicy)]
    public async Task<IActionResult> SignIn([Bind(Prefix = "signin")] ExistingAccountForm form, CancellationToken cancellationToken)
    {
        var invitation = await find.Handle(form.Code, cancellationToken);
        if (invitation is null)
        {
            return CodeNotFound(form.Code);
        }

        var model = new ChooseModel(invitation, new NewAccountForm { Code = form.Code }, form);
        var validation = await signInValidator.ValidateAsync(form, cancellationToken);
        model.SignInErrors.AddRange(validation.Errors.Select(e => e.ErrorMessage));
        var user = model.SignInErrors.Count == 0 ? await signIn.UserManager.FindByNameAsync(form.Login.Trim()) : null;
        if (model.SignInErrors.Count == 0)
        {
            // The same lockout as /login: the form is no way round it.
            var check = user is null
                ? Microsoft.AspNetCore.Identity.SignInResult.Failed
                : await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                model.SignInErrors.Add(check.IsLockedOut
                    ? "Слишком много неудачных попыток входа. Вход заблокирован на 15 минут."
                    : "Неверный логин или пароль.");
            }
            else if (user!.IsOperator)
            {
                // The operator runs the service and sees no pupil data (SPEC §1).
                model.SignInErrors.Add("Учётная запись оператора не может стать родителем или учеником.");
            }
        }

        if (model.SignInErrors.Count > 0)
        {
            return View("Choose", model);
        }

        var (outcome, _) = await redeem.Handle(invitation, user!.Id, PersonForm.FromDisplayName(user.DisplayName), null, cancellationToken);
        return await AfterRedeemAsync(outcome, user, invitation, model);
    }

    private async Task<IActionResult> AfterRedeemAsync(
        RedeemInvitation.Outcome outcome, AppUser user, FindInvitation.Found invitation, ChooseModel model)
    {
        switch (outcome)
        {
            case RedeemInvitation.Outcome.Taken:
                return CodeNotFound(null);
            case RedeemInvitation.Outcome.AlreadyAPupil:
                model.SignInErrors.Add("Эта учётная запись уже принадлежит ученику этой школы; войдите другой или создайте новую.");
                return View("Choose", model);
            default:
                await signIn.SignInAsync(user, isPersistent: false);
                return Redirect($"/s/{invitation.SchoolSlug}");
        }
    }

    private async Task<List<string>> PasswordErrorsAsync(AppUser user, string password)
    {
        var errors = new List<string>();
        foreach (var validator in signIn.UserManager.PasswordValidators)
        {
            var result = await validator.ValidateAsync(signIn.UserManager, user, password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }

        return errors;
    }

    private ViewResult CodeNotFound(string? code)
    {
        tenant.LeaveSchool(); // a code lost in a race shows as little of its school as an unknown one
        ModelState.Clear();
        ModelState.AddModelError(string.Empty, FindInvitation.NotFoundMessage);
        return View("Code", new CodeForm { Code = code ?? string.Empty });
    }
}

public sealed class CodeForm
{
    public string Code { get; set; } = string.Empty;
}

/// <summary>Name parts of the person registering, as the school will know them.</summary>
public class PersonForm
{
    public string LastName { get; set; } = string.Empty;

    public string FirstName { get; set; } = string.Empty;

    public string? MiddleName { get; set; }

    public string FullName => Journal.Domain.PersonName.Full(LastName, FirstName, MiddleName);

    public RedeemInvitation.Person ForSchool => new(LastName.Trim(), FirstName.Trim(), string.IsNullOrWhiteSpace(MiddleName) ? null : MiddleName.Trim());

    /// <summary>An existing account's name «Фамилия Имя Отчество», for its first membership in another school.</summary>
    public static RedeemInvitation.Person FromDisplayName(string displayName)
    {
        var parts = displayName.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Length switch
        {
            0 => new("—", string.Empty, null),
            1 => new(parts[0], string.Empty, null),
            2 => new(parts[0], parts[1], null),
            _ => new(parts[0], parts[1], string.Join(' ', parts[2..])),
        };
    }
}

public sealed class NewAccountForm
{
    public string Code { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public string ConfirmPassword { get; set; } = string.Empty;

    public string LastName { get; set; } = string.Empty;

    public string FirstName { get; set; } = string.Empty;

    public string? MiddleName { get; set; }

    public PersonForm Person => new() { LastName = LastName, FirstName = FirstName, MiddleName = MiddleName };

    public sealed class Validator : AbstractValidator<NewAccountForm>
    {
        public Validator()
        {
            RuleFor(x => x.LastName).NotEmpty().WithMessage("Введите фамилию.").MaximumLength(100).WithMessage("Фамилия длиннее 100 знаков.");
            RuleFor(x => x.FirstName).NotEmpty().WithMessage("Введите имя.").MaximumLength(100).WithMessage("Имя длиннее 100 знаков.");
            RuleFor(x => x.MiddleName).MaximumLength(100).WithMessage("Отчество длиннее 100 знаков.");
            RuleFor(x => x.Login).NotEmpty().WithMessage("Придумайте логин.")
                .MaximumLength(64).WithMessage("Логин длиннее 64 знаков.")
                .Matches("^[A-Za-z0-9._@+-]+$").WithMessage("Логин — латинские буквы, цифры и знаки . _ - @ +, без пробелов.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Придумайте пароль.").MaximumLength(256).WithMessage("Слишком длинный пароль.");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.Password).WithMessage("Пароли не совпадают.");
        }
    }
}

public sealed class ExistingAccountForm
{
    public string Code { get; set; } = string.Empty;

    public string Login { get; set; } = string.Empty;

    public string Password { get; set; } = string.Empty;

    public sealed class Validator : AbstractValidator<ExistingAccountForm>
    {
        public Validator()
        {
            RuleFor(x => x.Login).NotEmpty().WithMessage("Введите логин.").MaximumLength(256).WithMessage("Слишком длинный логин.");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Введите пароль.").MaximumLength(256).WithMessage("Слишком длинный пароль.");
        }
    }
}
