using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Teacher;

/// <summary>Base of every controller in the Teacher area: the area and its role policy in one place.</summary>
[Area("Teacher")]
[Authorize(Policy = Policies.Teacher)]
public abstract class TeacherAreaController : Controller;
