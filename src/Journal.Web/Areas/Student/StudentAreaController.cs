using Journal.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Journal.Web.Areas.Student;

/// <summary>Base of every controller in the Student area: the area and its role policy in one place.</summary>
[Area("Student")]
[Authorize(Policy = Policies.Student)]
public abstract class StudentAreaController : Controller;
