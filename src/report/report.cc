// placeholder
namespace citecheck::report {}
